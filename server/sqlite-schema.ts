import { MIGRATIONS_1_TO_6 } from './sqlite-migrations-1';
import { MIGRATIONS_7_TO_21 } from './sqlite-migrations-2';

/**
 * Versioned migrations of the local store. Each runs once, in order, inside a transaction; the applied
 * version is kept in `PRAGMA user_version`. Never edit a released migration: add the next one.
 * Migrations 1–21 live in sqlite-migrations-1.ts and sqlite-migrations-2.ts (by range); from 22 on they are here,
 * and a new one goes at the end of this list.
 */
export const MIGRATIONS: readonly string[] = [
  ...MIGRATIONS_1_TO_6,
  ...MIGRATIONS_7_TO_21,
  /* 22 (volunteer actions): concerns handed to a volunteer team; a concern is held by at most one open action */ `
  CREATE TABLE vol_actions (
    id TEXT PRIMARY KEY,
    team_id TEXT NOT NULL,
    town_id TEXT NOT NULL,
    village_id TEXT,
    place_id TEXT NOT NULL,
    concern_ids TEXT NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    place TEXT NOT NULL,
    photos TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('draft','scheduled','reported','resolved','cancelled')),
    event_id TEXT,
    result TEXT,
    started_by_openid TEXT NOT NULL,
    started_by_name TEXT NOT NULL,
    started_at TEXT NOT NULL,
    started_month TEXT NOT NULL,
    resolved_month TEXT,
    concerns_resolved INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX vol_actions_team ON vol_actions(team_id, status, started_at);
  CREATE UNIQUE INDEX vol_actions_event ON vol_actions(event_id) WHERE event_id IS NOT NULL;
  CREATE INDEX vol_actions_started ON vol_actions(town_id, started_month);
  CREATE INDEX vol_actions_resolved ON vol_actions(town_id, resolved_month) WHERE resolved_month IS NOT NULL;
  CREATE TABLE vol_action_concerns (
    action_id TEXT NOT NULL REFERENCES vol_actions(id),
    concern_id TEXT NOT NULL,
    started_at TEXT NOT NULL,
    open INTEGER NOT NULL CHECK (open IN (0, 1)),
    PRIMARY KEY (action_id, concern_id)
  );
  CREATE UNIQUE INDEX vol_action_concerns_open ON vol_action_concerns(concern_id) WHERE open = 1;
  CREATE INDEX vol_action_concerns_latest ON vol_action_concerns(concern_id, started_at);
  `,
  /* 23 (points): settings per node, an append-only ledger with balances, rewards and redemptions */ `
  CREATE TABLE points_settings (
    node_id TEXT PRIMARY KEY,
    enabled INTEGER NOT NULL,
    public_ranking INTEGER NOT NULL,
    points_per_hour INTEGER NOT NULL,
    points_per_report INTEGER NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE TABLE points_ledger (
    id TEXT PRIMARY KEY,
    openid TEXT NOT NULL,
    name TEXT NOT NULL,
    node_id TEXT NOT NULL,
    town_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('hours','report','redeem','reverse')),
    points INTEGER NOT NULL,
    ref_id TEXT NOT NULL,
    note TEXT NOT NULL,
    at TEXT NOT NULL
  );
  CREATE INDEX points_ledger_person ON points_ledger(openid, at, id);
  CREATE INDEX points_ledger_month ON points_ledger(at, town_id);
  CREATE TABLE points_balances (
    node_id TEXT NOT NULL,
    openid TEXT NOT NULL,
    name TEXT NOT NULL,
    balance INTEGER NOT NULL CHECK (balance >= 0),
    earned INTEGER NOT NULL,
    PRIMARY KEY (node_id, openid)
  );
  CREATE INDEX points_balances_person ON points_balances(openid);
  CREATE INDEX points_balances_ranking ON points_balances(node_id, earned DESC, openid);
  CREATE TABLE rewards (
    id TEXT PRIMARY KEY,
    node_id TEXT NOT NULL,
    town_id TEXT NOT NULL,
    name TEXT NOT NULL,
    points INTEGER NOT NULL,
    stock INTEGER NOT NULL CHECK (stock >= 0),
    active INTEGER NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX rewards_node ON rewards(node_id, id);
  CREATE TABLE redemptions (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL,
    reward_id TEXT NOT NULL REFERENCES rewards(id),
    reward_name TEXT NOT NULL,
    node_id TEXT NOT NULL,
    town_id TEXT NOT NULL,
    openid TEXT NOT NULL,
    name TEXT NOT NULL,
    points INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending','handed','reversed')),
    at TEXT NOT NULL,
    handed_at TEXT,
    handed_by TEXT,
    reversed_at TEXT,
    reverse_reason TEXT
  );
  CREATE INDEX redemptions_code ON redemptions(node_id, code);
  CREATE INDEX redemptions_person ON redemptions(openid, at);
  `,
  /* 24 (staff daily use): 联系方式 — the phone a resident left on 我的 with consent, or their skip */ `
  CREATE TABLE resident_contacts (
    openid TEXT PRIMARY KEY REFERENCES users(openid),
    phone TEXT,
    answered_at TEXT NOT NULL,
    consented_at TEXT
  );
  `,
  /* 25 (administration): who left the roster, kept so their history keeps its name */ `
  CREATE TABLE staff_departed (
    id TEXT PRIMARY KEY,
    openid TEXT NOT NULL,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('staff','office','admin')),
    node_id TEXT NOT NULL,
    phone TEXT,
    removed_at TEXT NOT NULL,
    removed_by TEXT NOT NULL
  );
  CREATE INDEX staff_departed_order ON staff_departed(removed_at, id);
  `,
  /* 26 (administration): a town's categories carry their SLA overrides and can be turned off; a team leader is found by phone */ `
  ALTER TABLE categories ADD COLUMN ack_hours INTEGER;
  ALTER TABLE categories ADD COLUMN resolve_days INTEGER;
  ALTER TABLE categories ADD COLUMN enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1));
  CREATE INDEX users_phone ON users(phone);
  `,
  /* 27 (administration): an Open311 client is revoked, not deleted: its key opens nothing, its record stays */ `
  ALTER TABLE api_clients ADD COLUMN revoked_at TEXT;
  `,
  /* 28 (WeChat review, issue 15): 举报 of volunteer event texts — content_reports takes kind 'event' (rebuilt, every row kept); an event's texts can be taken down */ `
  CREATE TABLE content_reports_next (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('concern','message','event')),
    item_id TEXT NOT NULL,
    concern_id TEXT NOT NULL,
    town_id TEXT NOT NULL,
    reporter_openid TEXT NOT NULL,
    reason TEXT NOT NULL,
    at TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open','kept','removed')),
    decided_at TEXT,
    UNIQUE (kind, item_id, reporter_openid)
  );
  INSERT INTO content_reports_next (id, kind, item_id, concern_id, town_id, reporter_openid, reason, at, status, decided_at)
    SELECT id, kind, item_id, concern_id, town_id, reporter_openid, reason, at, status, decided_at FROM content_reports;
  DROP TABLE content_reports;
  ALTER TABLE content_reports_next RENAME TO content_reports;
  CREATE INDEX content_reports_open ON content_reports(town_id, at, id) WHERE status = 'open';
  CREATE INDEX content_reports_reporter ON content_reports(reporter_openid);
  ALTER TABLE vol_events ADD COLUMN text_removed_at TEXT;
  `,
  /* 29 (街坊议事, issue 21): residents verified by their committee (户籍/常住) or asking to be; a town's support number */ `
  ALTER TABLE resident_places ADD COLUMN verified_kind TEXT CHECK (verified_kind IN ('huji','changzhu'));
  ALTER TABLE resident_places ADD COLUMN verified_at TEXT;
  ALTER TABLE resident_places ADD COLUMN verified_by TEXT;
  ALTER TABLE resident_places ADD COLUMN verify_requested_at TEXT;
  CREATE TABLE topic_settings (
    town_id TEXT PRIMARY KEY,
    supports_needed INTEGER NOT NULL CHECK (supports_needed >= 1),
    updated_at TEXT NOT NULL
  );
  CREATE INDEX topic_comments_author ON topic_comments(author_openid);
  CREATE INDEX topic_votes_openid ON topic_votes(openid);
  CREATE INDEX topic_supports_openid ON topic_supports(openid);
  `,
  /* 30 (街坊议事, issue 21): 举报 of topic comments — content_reports takes kind 'topicComment' (rebuilt, every row kept); held 议事 texts for 内容审核 */ `
  CREATE TABLE content_reports_next (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('concern','message','event','topicComment')),
    item_id TEXT NOT NULL,
    concern_id TEXT NOT NULL,
    town_id TEXT NOT NULL,
    reporter_openid TEXT NOT NULL,
    reason TEXT NOT NULL,
    at TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open','kept','removed')),
    decided_at TEXT,
    UNIQUE (kind, item_id, reporter_openid)
  );
  INSERT INTO content_reports_next (id, kind, item_id, concern_id, town_id, reporter_openid, reason, at, status, decided_at)
    SELECT id, kind, item_id, concern_id, town_id, reporter_openid, reason, at, status, decided_at FROM content_reports;
  DROP TABLE content_reports;
  ALTER TABLE content_reports_next RENAME TO content_reports;
  CREATE INDEX content_reports_open ON content_reports(town_id, at, id) WHERE status = 'open';
  CREATE INDEX content_reports_reporter ON content_reports(reporter_openid);
  CREATE INDEX topic_comments_held ON topic_comments(town_id, id) WHERE moderation = 'held';
  `,
  /* 31 (issue 16, item 8): 操作记录 filtered by person or by action, newest first */ `
  CREATE INDEX audit_log_actor ON audit_log(actor_openid, created_at, id);
  CREATE INDEX audit_log_action ON audit_log(action, created_at, id);
  `,
  /* 32 (administration): the grid edited in the app — a node's own code in its town, and its retirement (kept, routes nothing new) */ `
  ALTER TABLE grid_nodes ADD COLUMN code TEXT;
  ALTER TABLE grid_nodes ADD COLUMN retired_at TEXT;
  `,
  /* 33 (administration): a volunteer team is archived, not deleted: hidden from 加入 lists, its history and hours stay */ `
  ALTER TABLE vol_teams ADD COLUMN archived_at TEXT;
  `,
  /* 34 (administration): a town's working day, check-in margin and reminder lead (null: the deployment's default) */ `
  ALTER TABLE town_settings ADD COLUMN day_start_minute INTEGER;
  ALTER TABLE town_settings ADD COLUMN day_end_minute INTEGER;
  ALTER TABLE town_settings ADD COLUMN checkin_margin_minutes INTEGER;
  ALTER TABLE town_settings ADD COLUMN reminder_lead_minutes INTEGER;
  `,
  /* 35 (h20b, issue 20 item 3): a concern a volunteer team's leader flagged in the field (source 'team'); the source column's CHECK predates it */ `
  ALTER TABLE concerns ADD COLUMN origin TEXT NOT NULL DEFAULT 'resident' CHECK (origin IN ('resident','team'));
  `,
  /* 36 (issue 20, h20p): 积分核销 lists a place's recent redemptions, newest first */ `
  CREATE INDEX redemptions_place ON redemptions(node_id, at);
  `,
  /* 37 (街坊议事, issue 21 third round): topics whose committee text (answer, decision, minutes) is held, for 内容审核; topic photos' checks */ `
  CREATE INDEX topics_committee_held ON topics(town_id, id) WHERE json_extract(data, '$.committeeHeld') = 1;
  -- A topic's background photos are checked like a concern's: 'topic' here, concern_id then the topic's id (null: a concern's).
  ALTER TABLE photo_checks ADD COLUMN subject TEXT CHECK (subject IS NULL OR subject = 'topic');
  `,
  /* 38 (h20c, issue 20): a correction of confirmed hours may take back points already spent, so a balance may go below zero (redemptions still need balance >= points) */ `
  CREATE TABLE points_balances_38 (
    node_id TEXT NOT NULL,
    openid TEXT NOT NULL,
    name TEXT NOT NULL,
    balance INTEGER NOT NULL,
    earned INTEGER NOT NULL,
    PRIMARY KEY (node_id, openid)
  );
  INSERT INTO points_balances_38 (node_id, openid, name, balance, earned) SELECT node_id, openid, name, balance, earned FROM points_balances;
  DROP TABLE points_balances;
  ALTER TABLE points_balances_38 RENAME TO points_balances;
  CREATE INDEX points_balances_person ON points_balances(openid);
  CREATE INDEX points_balances_ranking ON points_balances(node_id, earned DESC, openid);
  `,
];
