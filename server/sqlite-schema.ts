/**
 * Versioned migrations of the local store. Each runs once, in order, inside a transaction; the applied
 * version is kept in `PRAGMA user_version`. Never edit a released migration: add the next one.
 */
export const MIGRATIONS: readonly string[] = [
  /* 1: directory and concerns */ `
  CREATE TABLE grid_meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
  INSERT INTO grid_meta (key, value) VALUES ('grid_version', 0);

  CREATE TABLE grid_nodes (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('district','town','village','cooperative','grid')),
    name TEXT NOT NULL,
    parent_id TEXT REFERENCES grid_nodes(id)
  );
  CREATE INDEX grid_nodes_parent ON grid_nodes(parent_id);

  CREATE TABLE offices (
    id TEXT PRIMARY KEY,
    town_id TEXT NOT NULL REFERENCES grid_nodes(id),
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    UNIQUE (town_id, code)
  );

  CREATE TABLE categories (
    town_id TEXT NOT NULL REFERENCES grid_nodes(id),
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('consult','help','suggest','complaint','report')),
    lead_office_code TEXT,
    sort INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (town_id, code)
  );

  CREATE TABLE staff (
    openid TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('staff','office','admin')),
    node_id TEXT NOT NULL,
    phone TEXT
  );
  CREATE INDEX staff_node ON staff(node_id);

  CREATE TABLE users (
    openid TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    phone TEXT,
    created_at TEXT NOT NULL
  );

  CREATE TABLE concerns (
    id TEXT PRIMARY KEY,
    reporter_openid TEXT NOT NULL,
    category TEXT NOT NULL,
    description TEXT NOT NULL,
    place_id TEXT NOT NULL,
    lat REAL,
    lng REAL,
    photos TEXT NOT NULL,
    status TEXT NOT NULL,
    route TEXT NOT NULL,
    town_id TEXT NOT NULL,
    village_id TEXT,
    cooperative_id TEXT,
    grid_id TEXT,
    co_office_id TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL,
    request_id TEXT,
    UNIQUE (reporter_openid, request_id)
  );
  CREATE INDEX concerns_reporter ON concerns(reporter_openid, created_at, id);
  CREATE INDEX concerns_grid ON concerns(grid_id, created_at, id);
  CREATE INDEX concerns_cooperative ON concerns(cooperative_id, created_at, id);
  CREATE INDEX concerns_village ON concerns(village_id, created_at, id);
  CREATE INDEX concerns_town ON concerns(town_id, created_at, id);
  CREATE INDEX concerns_office ON concerns(co_office_id, created_at, id);

  CREATE TABLE concern_events (
    concern_id TEXT NOT NULL REFERENCES concerns(id),
    seq INTEGER NOT NULL,
    id TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL,
    actor_openid TEXT,
    actor_name TEXT,
    actor_role TEXT NOT NULL,
    at TEXT NOT NULL,
    from_status TEXT,
    to_status TEXT,
    note TEXT,
    request_id TEXT,
    PRIMARY KEY (concern_id, seq)
  );
  CREATE UNIQUE INDEX concern_events_request ON concern_events(concern_id, actor_openid, request_id) WHERE request_id IS NOT NULL;

  CREATE TABLE concern_messages (
    concern_id TEXT NOT NULL REFERENCES concerns(id),
    seq INTEGER NOT NULL,
    id TEXT NOT NULL UNIQUE,
    author_openid TEXT NOT NULL,
    author_name TEXT NOT NULL,
    author_role TEXT NOT NULL,
    text TEXT NOT NULL,
    photos TEXT NOT NULL,
    at TEXT NOT NULL,
    PRIMARY KEY (concern_id, seq)
  );
  `,
  /* 2: notification outbox and the in-app inbox */ `
  CREATE TABLE outbox (
    id TEXT PRIMARY KEY,
    recipient_openid TEXT NOT NULL,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    page TEXT NOT NULL,
    created_at TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending','sent','dead')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    lease_until TEXT,
    last_error TEXT,
    sent_at TEXT
  );
  CREATE INDEX outbox_due ON outbox(status, next_attempt_at);

  CREATE TABLE inbox_messages (
    id TEXT PRIMARY KEY,
    recipient_openid TEXT NOT NULL,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    page TEXT NOT NULL,
    created_at TEXT NOT NULL,
    read_at TEXT
  );
  CREATE INDEX inbox_messages_recipient ON inbox_messages(recipient_openid, created_at, id);
  `,
  /* 3: the append-only audit log of staff and admin actions */ `
  CREATE TABLE audit_log (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    actor_openid TEXT NOT NULL,
    actor_name TEXT NOT NULL,
    actor_role TEXT NOT NULL,
    node_id TEXT,
    town_id TEXT,
    action TEXT NOT NULL,
    target_id TEXT,
    outcome TEXT NOT NULL
  );
  CREATE INDEX audit_log_town ON audit_log(town_id, created_at, id);
  CREATE INDEX audit_log_at ON audit_log(created_at, id);
  CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
  CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
  `,
  /* 4: grid boundaries (GeoJSON, WGS-84) and roster entries waiting for their WeChat user */ `
  CREATE TABLE grid_boundaries (
    node_id TEXT PRIMARY KEY REFERENCES grid_nodes(id),
    geometry TEXT NOT NULL
  );

  CREATE TABLE staff_pending (
    phone TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('staff','office','admin')),
    node_id TEXT NOT NULL
  );
  `,
  /* 5: SLA clocks, ratings; inbox order by due time; the SLA job's watch list */ `
  ALTER TABLE concerns ADD COLUMN sla TEXT;
  ALTER TABLE concerns ADD COLUMN due_at TEXT;
  ALTER TABLE concerns ADD COLUMN watch_at TEXT;
  ALTER TABLE concerns ADD COLUMN overdue INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE concerns ADD COLUMN first_response TEXT NOT NULL DEFAULT 'pending';
  ALTER TABLE concerns ADD COLUMN rating TEXT;
  ALTER TABLE concerns ADD COLUMN rating_value TEXT;
  -- Only rows with a pending clock: the SLA job never scans closed concerns.
  CREATE INDEX concerns_watch ON concerns(watch_at, id) WHERE watch_at IS NOT NULL;
  -- Open inboxes, most urgent first, per route level (due_at is NULL once a concern is no longer open).
  CREATE INDEX concerns_grid_due ON concerns(grid_id, due_at, id) WHERE due_at IS NOT NULL;
  CREATE INDEX concerns_cooperative_due ON concerns(cooperative_id, due_at, id) WHERE due_at IS NOT NULL;
  CREATE INDEX concerns_village_due ON concerns(village_id, due_at, id) WHERE due_at IS NOT NULL;
  CREATE INDEX concerns_town_due ON concerns(town_id, due_at, id) WHERE due_at IS NOT NULL;
  CREATE INDEX concerns_office_due ON concerns(co_office_id, due_at, id) WHERE due_at IS NOT NULL;
  `,
  /* 6: volunteer teams, events, sign-ups, attendance and hours */ `
  CREATE TABLE vol_teams (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('party_service','neighbourhood')),
    node_id TEXT NOT NULL REFERENCES grid_nodes(id),
    description TEXT NOT NULL,
    created_at TEXT NOT NULL
  );

  -- A leader is a resident who leads a team: leadership is kept here, not in the staff roster.
  CREATE TABLE vol_team_leaders (
    team_id TEXT NOT NULL REFERENCES vol_teams(id),
    openid TEXT NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (team_id, openid)
  );
  CREATE INDEX vol_team_leaders_openid ON vol_team_leaders(openid);

  CREATE TABLE vol_members (
    id TEXT PRIMARY KEY,
    team_id TEXT NOT NULL REFERENCES vol_teams(id),
    openid TEXT NOT NULL,
    name TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending','member','declined','left')),
    party_member INTEGER NOT NULL DEFAULT 0,
    applied_at TEXT NOT NULL,
    decided_at TEXT,
    UNIQUE (team_id, openid)
  );
  CREATE INDEX vol_members_openid ON vol_members(openid);

  CREATE TABLE vol_events (
    id TEXT PRIMARY KEY,
    team_id TEXT NOT NULL REFERENCES vol_teams(id),
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    place TEXT NOT NULL,
    start_at TEXT NOT NULL,
    end_at TEXT NOT NULL,
    signup_deadline TEXT NOT NULL,
    capacity INTEGER NOT NULL CHECK (capacity > 0),
    waitlist INTEGER NOT NULL CHECK (waitlist IN (0, 1)),
    open_to TEXT NOT NULL CHECK (open_to IN ('members','all')),
    status TEXT NOT NULL CHECK (status IN ('open','cancelled')),
    cancel_reason TEXT,
    -- The counters change only through conditional updates; the checks make over-booking impossible.
    signed_count INTEGER NOT NULL DEFAULT 0 CHECK (signed_count >= 0 AND signed_count <= capacity),
    waitlist_count INTEGER NOT NULL DEFAULT 0 CHECK (waitlist_count >= 0),
    arrivals INTEGER NOT NULL DEFAULT 0,
    checkin_code TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE INDEX vol_events_team ON vol_events(team_id, end_at);
  CREATE INDEX vol_events_start ON vol_events(status, start_at);

  CREATE TABLE vol_signups (
    id TEXT PRIMARY KEY,
    event_id TEXT NOT NULL REFERENCES vol_events(id),
    openid TEXT NOT NULL,
    name TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('signed','waitlisted','cancelled')),
    arrival INTEGER NOT NULL,
    request_id TEXT,
    signed_up_at TEXT NOT NULL,
    check_in_at TEXT,
    check_out_at TEXT,
    confirmed_minutes INTEGER,
    confirmed_at TEXT,
    reminded_at TEXT,
    UNIQUE (event_id, openid)
  );
  CREATE INDEX vol_signups_queue ON vol_signups(event_id, status, arrival);
  CREATE INDEX vol_signups_openid ON vol_signups(openid);

  CREATE TABLE vol_hours_audit (
    id TEXT PRIMARY KEY,
    signup_id TEXT NOT NULL REFERENCES vol_signups(id),
    event_id TEXT NOT NULL REFERENCES vol_events(id),
    actor_openid TEXT NOT NULL,
    actor_name TEXT NOT NULL,
    at TEXT NOT NULL,
    computed_minutes INTEGER NOT NULL,
    from_minutes INTEGER,
    to_minutes INTEGER NOT NULL,
    reason TEXT
  );
  CREATE INDEX vol_hours_audit_event ON vol_hours_audit(event_id, at);

  CREATE TABLE vol_person_codes (
    openid TEXT PRIMARY KEY,
    code TEXT NOT NULL UNIQUE
  );
  `,
  /* 7: deleted accounts (me/delete) */ `
  ALTER TABLE users ADD COLUMN deleted_at TEXT;
  `,
  /* 8: content moderation of descriptions and thread messages */ `
  ALTER TABLE concerns ADD COLUMN moderation TEXT NOT NULL DEFAULT 'published' CHECK (moderation IN ('published','held','rejected'));
  ALTER TABLE concern_messages ADD COLUMN moderation TEXT NOT NULL DEFAULT 'published' CHECK (moderation IN ('published','held','rejected'));
  CREATE INDEX concerns_held ON concerns(created_at, id) WHERE moderation = 'held';
  CREATE INDEX concern_messages_held ON concern_messages(at, id) WHERE moderation = 'held';
  `,
  /* 9: feedback about the app (投诉建议) */ `
  CREATE TABLE feedback (
    id TEXT PRIMARY KEY,
    author_openid TEXT NOT NULL,
    text TEXT NOT NULL,
    contact TEXT,
    created_at TEXT NOT NULL,
    moderation TEXT NOT NULL CHECK (moderation IN ('published','held','rejected'))
  );
  CREATE INDEX feedback_created ON feedback(created_at, id);
  `,
  /* 10: where a concern came in (app, Open311, the 12345 hotline); Open311 client systems with hashed keys */ `
  ALTER TABLE concerns ADD COLUMN source TEXT NOT NULL DEFAULT 'app' CHECK (source IN ('app','open311','12345'));
  -- Latest handler reply per concern (Open311 status_notes, exports).
  CREATE INDEX concern_messages_latest ON concern_messages(concern_id, at);

  CREATE TABLE api_clients (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    -- SHA-256 of the key, hex; the key itself is never stored.
    key_hash TEXT NOT NULL UNIQUE,
    source TEXT NOT NULL CHECK (source IN ('open311','12345')),
    town_ids TEXT NOT NULL,
    reads TEXT NOT NULL CHECK (reads IN ('own','scope')),
    requests_per_minute INTEGER NOT NULL CHECK (requests_per_minute > 0),
    posts_per_hour INTEGER NOT NULL CHECK (posts_per_hour > 0),
    created_at TEXT NOT NULL
  );
  `,
  /* 11: the public board (town settings, "+1" per person per concern) and quick reply templates */ `
  CREATE TABLE town_settings (
    town_id TEXT PRIMARY KEY,
    public_board INTEGER NOT NULL DEFAULT 0,
    reply_templates TEXT NOT NULL DEFAULT '{}'
  );
  CREATE TABLE concern_plus_ones (
    concern_id TEXT NOT NULL,
    openid TEXT NOT NULL,
    at TEXT NOT NULL,
    PRIMARY KEY (concern_id, openid)
  );
  CREATE INDEX concerns_town_status ON concerns(town_id, status, updated_at);
  `,
  /* 12: content moderation of volunteer texts (event texts, cancellation reasons, application notes) */ `
  ALTER TABLE vol_events ADD COLUMN moderation TEXT NOT NULL DEFAULT 'published' CHECK (moderation IN ('published','held','rejected'));
  ALTER TABLE vol_events ADD COLUMN cancel_moderation TEXT NOT NULL DEFAULT 'published' CHECK (cancel_moderation IN ('published','held','rejected'));
  ALTER TABLE vol_events ADD COLUMN cancelled_at TEXT;
  ALTER TABLE vol_members ADD COLUMN note TEXT;
  ALTER TABLE vol_members ADD COLUMN note_moderation TEXT NOT NULL DEFAULT 'published' CHECK (note_moderation IN ('published','held','rejected'));
  CREATE INDEX vol_events_held ON vol_events(created_at, id) WHERE moderation = 'held';
  CREATE INDEX vol_events_cancel_held ON vol_events(cancelled_at, id) WHERE cancel_moderation = 'held';
  CREATE INDEX vol_members_held ON vol_members(applied_at, id) WHERE note_moderation = 'held';
  `,
  /* 13: content moderation of a leader's reasons for correcting hours */ `
  ALTER TABLE vol_hours_audit ADD COLUMN reason_moderation TEXT NOT NULL DEFAULT 'published' CHECK (reason_moderation IN ('published','held','rejected'));
  CREATE INDEX vol_hours_audit_held ON vol_hours_audit(at, id) WHERE reason_moderation = 'held';
  `,
  /* 14: the open-inbox indexes also carry status and overdue, so the workbench counts (待签收, 已超期) are
     answered from the index alone, never by reading the rows of a node's open range */ `
  DROP INDEX concerns_grid_due;
  CREATE INDEX concerns_grid_due ON concerns(grid_id, due_at, id, status, overdue) WHERE due_at IS NOT NULL;
  DROP INDEX concerns_cooperative_due;
  CREATE INDEX concerns_cooperative_due ON concerns(cooperative_id, due_at, id, status, overdue) WHERE due_at IS NOT NULL;
  DROP INDEX concerns_village_due;
  CREATE INDEX concerns_village_due ON concerns(village_id, due_at, id, status, overdue) WHERE due_at IS NOT NULL;
  DROP INDEX concerns_town_due;
  CREATE INDEX concerns_town_due ON concerns(town_id, due_at, id, status, overdue) WHERE due_at IS NOT NULL;
  DROP INDEX concerns_office_due;
  CREATE INDEX concerns_office_due ON concerns(co_office_id, due_at, id, status, overdue) WHERE due_at IS NOT NULL;
  `,
  /* 15: the content check of photos (one per file; WeChat answers asynchronously by trace id) */ `
  CREATE TABLE photo_checks (
    id TEXT PRIMARY KEY,
    file_id TEXT NOT NULL UNIQUE,
    openid TEXT NOT NULL,
    concern_id TEXT NOT NULL,
    town_id TEXT NOT NULL,
    trace_id TEXT UNIQUE,
    status TEXT NOT NULL CHECK (status IN ('pending','published','held','rejected')),
    submitted_at TEXT NOT NULL,
    decided_at TEXT
  );
  CREATE INDEX photo_checks_held ON photo_checks(town_id, submitted_at, id) WHERE status = 'held';
  CREATE INDEX photo_checks_openid ON photo_checks(openid);
  `,
  /* 16: the working-day calendar as data: each year's holiday and make-up workday lists, every saved
     version kept (the latest one counts) */ `
  CREATE TABLE calendar_years (
    year INTEGER NOT NULL,
    version INTEGER NOT NULL CHECK (version >= 1),
    holidays TEXT NOT NULL,
    makeup_workdays TEXT NOT NULL,
    basis TEXT NOT NULL,
    source TEXT NOT NULL CHECK (source IN ('builtin','admin')),
    saved_at TEXT NOT NULL,
    saved_by TEXT,
    PRIMARY KEY (year, version)
  );
  `,
  /* 17: nodes that passed a concern on (转派, 上报, 退回): the JSON list on the concern, and one row per
     (node, concern) with the concern's createdAt, so 全部 of that node lists it newest first */ `
  ALTER TABLE concerns ADD COLUMN past_nodes TEXT NOT NULL DEFAULT '[]';
  CREATE TABLE concern_past_nodes (
    node_id TEXT NOT NULL,
    concern_id TEXT NOT NULL REFERENCES concerns(id),
    created_at TEXT NOT NULL,
    PRIMARY KEY (node_id, concern_id)
  );
  CREATE INDEX concern_past_nodes_page ON concern_past_nodes(node_id, created_at, concern_id);
  `,
  /* 18: feedback belongs to the town of its author's node (null: the district's), so a town admin reads only their town's */ `
  ALTER TABLE feedback ADD COLUMN town_id TEXT;
  CREATE INDEX feedback_town ON feedback(town_id, created_at, id);
  `,
  /* 19: 举报 — people's reports of published text, one per person and item, for the town's moderators */ `
  CREATE TABLE content_reports (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('concern','message')),
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
  CREATE INDEX content_reports_open ON content_reports(town_id, at, id) WHERE status = 'open';
  CREATE INDEX content_reports_reporter ON content_reports(reporter_openid);
  `,
  /* 20: me/delete finds a person's photos by their checks' uploader */ `
  CREATE INDEX photo_checks_uploader ON photo_checks(openid);
  `,
  /* 21: 街坊议事 — topics (the record as JSON beside its indexed fields), comments, one support and one
     vote per person and topic, and the place each resident stated */ `
  CREATE TABLE topics (
    id TEXT PRIMARY KEY,
    town_id TEXT NOT NULL,
    place_id TEXT NOT NULL,
    stage TEXT NOT NULL,
    deadline TEXT,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL,
    data TEXT NOT NULL
  );
  CREATE INDEX topics_place ON topics(place_id, updated_at);
  CREATE INDEX topics_due ON topics(deadline) WHERE stage = 'open';
  CREATE TABLE topic_comments (
    id TEXT PRIMARY KEY,
    topic_id TEXT NOT NULL REFERENCES topics(id),
    town_id TEXT NOT NULL,
    parent_id TEXT,
    author_openid TEXT NOT NULL,
    author_name TEXT NOT NULL,
    official INTEGER NOT NULL,
    text TEXT NOT NULL,
    moderation TEXT NOT NULL,
    at TEXT NOT NULL
  );
  CREATE INDEX topic_comments_topic ON topic_comments(topic_id, at, id);
  CREATE TABLE topic_supports (
    topic_id TEXT NOT NULL REFERENCES topics(id),
    openid TEXT NOT NULL,
    at TEXT NOT NULL,
    PRIMARY KEY (topic_id, openid)
  );
  CREATE TABLE topic_votes (
    topic_id TEXT NOT NULL REFERENCES topics(id),
    openid TEXT NOT NULL,
    option_id TEXT NOT NULL,
    at TEXT NOT NULL,
    PRIMARY KEY (topic_id, openid)
  );
  CREATE TABLE resident_places (
    openid TEXT PRIMARY KEY,
    place_id TEXT NOT NULL,
    town_id TEXT NOT NULL,
    set_at TEXT NOT NULL
  );
  CREATE INDEX resident_places_place ON resident_places(place_id, openid);
  `,
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
