/** Migrations 1–6 of the local store, in order: part of the one list MIGRATIONS in sqlite-schema.ts. Never edit a released migration. */
export const MIGRATIONS_1_TO_6: readonly string[] = [
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
];
