import type Database from 'better-sqlite3';
import { GridIndex } from '../core/directory/grid';
import type { DirectoryData, VolunteerData } from './demo-data';

/**
 * Loads directory data (grid, boundaries, offices, categories, roster, users) in one transaction, validating the
 * grid tree first so that a bad file changes nothing. Only runs into an empty directory.
 */
export function seedDirectory(db: Database.Database, data: DirectoryData): boolean {
  new GridIndex(data.nodes); // throws on a malformed tree before anything is written
  const insertBoundaries = () => {
    const ins = db.prepare('INSERT INTO grid_boundaries (node_id, geometry) VALUES (?, ?)');
    for (const b of data.boundaries) ins.run(b.nodeId, JSON.stringify(b.geometry));
  };
  const tx = db.transaction(() => {
    const count = db.prepare('SELECT COUNT(*) FROM grid_nodes').pluck().get() as number;
    if (count > 0) {
      // A directory seeded before boundaries existed gets the demo boundaries once, if its nodes match.
      const boundaries = db.prepare('SELECT COUNT(*) FROM grid_boundaries').pluck().get() as number;
      const known = db.prepare('SELECT 1 FROM grid_nodes WHERE id = ?').pluck();
      if (boundaries > 0 || data.boundaries.length === 0 || !data.boundaries.every((b) => known.get(b.nodeId))) return false;
      insertBoundaries();
      db.prepare(`UPDATE grid_meta SET value = value + 1 WHERE key = 'grid_version'`).run();
      return true;
    }
    // Parents before children so foreign keys hold row by row.
    const insertNode = db.prepare('INSERT INTO grid_nodes (id, kind, name, parent_id) VALUES (?, ?, ?, ?)');
    const depth = (id: string | null): number => (id === null ? 0 : 1 + depth(data.nodes.find((n) => n.id === id)?.parentId ?? null));
    for (const n of [...data.nodes].sort((a, b) => depth(a.parentId) - depth(b.parentId))) insertNode.run(n.id, n.kind, n.name, n.parentId);
    insertBoundaries();
    const insertOffice = db.prepare('INSERT INTO offices (id, town_id, code, name) VALUES (?, ?, ?, ?)');
    for (const o of data.offices) insertOffice.run(o.id, o.townId, o.code, o.name);
    const insertCategory = db.prepare('INSERT INTO categories (town_id, code, name, kind, lead_office_code, sort, ack_hours, resolve_days, enabled) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    data.categories.forEach((c, i) => insertCategory.run(c.townId, c.code, c.name, c.kind, c.leadOfficeCode, i, c.ackHours, c.resolveDays, c.enabled ? 1 : 0));
    const insertStaff = db.prepare('INSERT INTO staff (openid, name, role, node_id, phone) VALUES (?, ?, ?, ?, ?)');
    for (const m of data.staff) insertStaff.run(m.openid, m.name, m.role, m.nodeId, m.phone);
    const insertUser = db.prepare('INSERT INTO users (openid, name, phone, created_at) VALUES (?, ?, ?, ?)');
    for (const u of data.users) insertUser.run(u.openid, u.name, u.phone, u.createdAt);
    db.prepare(`UPDATE grid_meta SET value = value + 1 WHERE key = 'grid_version'`).run();
    return true;
  });
  return tx.immediate();
}

/**
 * Loads volunteer teams, their leaders (as residents), members and events in one transaction. Only runs
 * while there are no teams, so it also fills a database created before the volunteer module existed.
 */
export function seedVolunteers(db: Database.Database, data: VolunteerData): boolean {
  const tx = db.transaction(() => {
    const count = db.prepare('SELECT COUNT(*) FROM vol_teams').pluck().get() as number;
    if (count > 0) return false;
    const insertTeam = db.prepare('INSERT INTO vol_teams (id, name, kind, node_id, description, created_at) VALUES (?, ?, ?, ?, ?, ?)');
    for (const t of data.teams) insertTeam.run(t.id, t.name, t.kind, t.nodeId, t.description, t.createdAt);
    const insertUser = db.prepare('INSERT INTO users (openid, name, phone, created_at) VALUES (?, ?, ?, ?) ON CONFLICT(openid) DO NOTHING');
    const insertLeader = db.prepare('INSERT INTO vol_team_leaders (team_id, openid, name) VALUES (?, ?, ?)');
    for (const { teamId, user } of data.leaders) {
      insertUser.run(user.openid, user.name, user.phone, user.createdAt);
      insertLeader.run(teamId, user.openid, user.name);
    }
    const insertMember = db.prepare(`INSERT INTO vol_members (id, team_id, openid, name, status, party_member, applied_at, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
    for (const m of data.members) insertMember.run(m.id, m.teamId, m.openid, m.name, m.status, m.partyMember ? 1 : 0, m.appliedAt, m.decidedAt);
    const insertEvent = db.prepare(`INSERT INTO vol_events (id, team_id, title, description, place, start_at, end_at, signup_deadline, capacity, waitlist,
        open_to, status, cancel_reason, signed_count, waitlist_count, arrivals, checkin_code, created_by, created_at)
      VALUES (@id, @teamId, @title, @description, @place, @startAt, @endAt, @signupDeadline, @capacity, @waitlistInt,
        @openTo, @status, @cancelReason, 0, 0, 0, @checkinCode, @createdBy, @createdAt)`);
    for (const e of data.events) insertEvent.run({ ...e, waitlistInt: e.waitlist ? 1 : 0 });
    return true;
  });
  return tx.immediate();
}
