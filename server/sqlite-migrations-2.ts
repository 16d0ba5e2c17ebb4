/** Migrations 7–21 of the local store, in order: part of the one list MIGRATIONS in sqlite-schema.ts. Never edit a released migration. */
export const MIGRATIONS_7_TO_21: readonly string[] = [
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
];
