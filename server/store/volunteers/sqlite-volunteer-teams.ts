/** The SQLite adapter of TeamRepo (core/ports.ts): teams, their leaders and memberships; see sqlite-volunteer.ts for the events. */
import { SqliteTeamAdmin } from './sqlite-team-admin';
import type Database from 'better-sqlite3';
import type { Notification } from '../../../core/model';
import type { TeamRepo } from '../../../core/ports';
import type { Membership, Team } from '../../../core/volunteers/volunteer-model';
import { outboxEnqueuer } from '../concerns/sqlite-outbox';
import { toMember, toTeam, type Row } from './sqlite-volunteer-rows';

export class SqliteTeams implements TeamRepo {
  private readonly q;
  private readonly applyTx;
  private readonly transitionTx;
  private readonly enqueue;

  private readonly admin: SqliteTeamAdmin;

  constructor(db: Database.Database) {
    this.admin = new SqliteTeamAdmin(db);
    this.enqueue = outboxEnqueuer(db);
    this.q = {
      teams: db.prepare(`SELECT * FROM vol_teams ORDER BY node_id, id`),
      team: db.prepare(`SELECT * FROM vol_teams WHERE id = ?`),
      ledBy: db.prepare(`SELECT team_id FROM vol_team_leaders WHERE openid = ? ORDER BY team_id`).pluck(),
      isLeader: db.prepare(`SELECT 1 FROM vol_team_leaders WHERE team_id = ? AND openid = ?`).pluck(),
      leaders: db.prepare(`SELECT openid, name FROM vol_team_leaders WHERE team_id = ? ORDER BY openid`),
      member: db.prepare(`SELECT * FROM vol_members WHERE id = ?`),
      membershipsOf: db.prepare(`SELECT * FROM vol_members WHERE openid = ? ORDER BY applied_at, id`),
      members: db.prepare(`SELECT * FROM vol_members WHERE team_id = ? ORDER BY applied_at, id`),
      counts: db.prepare(`SELECT team_id, COUNT(*) AS n FROM vol_members WHERE status = 'member' GROUP BY team_id`),
      insert: db.prepare(`INSERT INTO vol_members (id, team_id, openid, name, status, party_member, applied_at, decided_at, note, note_moderation)
        VALUES (@id, @teamId, @openid, @name, 'pending', 0, @appliedAt, NULL, @note, @noteModeration) ON CONFLICT(id) DO NOTHING`),
      reopen: db.prepare(`UPDATE vol_members SET status = 'pending', name = @name, applied_at = @appliedAt, decided_at = NULL, note = @note, note_moderation = @noteModeration
        WHERE id = @id AND status IN ('declined','left')`),
      setParty: db.prepare(`UPDATE vol_members SET party_member = ? WHERE id = ? AND status = 'member'`),
      heldNotes: db.prepare(`SELECT * FROM vol_members WHERE note_moderation = 'held' ORDER BY applied_at, id`),
      decideNote: db.prepare(`UPDATE vol_members SET note_moderation = ? WHERE id = ? AND note_moderation = 'held'`),
    };
    this.applyTx = db.transaction((m: Membership, notices: Notification[]) => {
      const changed = this.q.insert.run(m).changes === 1 || this.q.reopen.run(m).changes === 1;
      if (changed) this.enqueue(notices);
      return { membership: toMember(this.q.member.get(m.id) as Row), changed };
    });
    this.transitionTx = db.transaction((id: string, from: readonly string[], to: string, at: string, notices: Notification[]): Membership | null => {
      const res = db
        .prepare(`UPDATE vol_members SET status = ?, decided_at = ? WHERE id = ? AND status IN (${from.map(() => '?').join(',')})`)
        .run(to, at, id, ...from);
      if (res.changes !== 1) return null;
      this.enqueue(notices);
      return toMember(this.q.member.get(id) as Row);
    });
  }

  async listTeams(): Promise<Team[]> {
    return (this.q.teams.all() as Row[]).map(toTeam);
  }
  // Admin (issue 19): in sqlite-team-admin.ts.
  async createTeam(team: Team): Promise<boolean> {
    return this.admin.createTeam(team);
  }
  async setLeaders(teamId: string, leaders: Array<{ openid: string; name: string }>): Promise<boolean> {
    return this.admin.setLeaders(teamId, leaders);
  }
  async archiveTeam(teamId: string, at: string): Promise<boolean> {
    return this.admin.archiveTeam(teamId, at);
  }
  async getTeam(id: string): Promise<Team | null> {
    const r = this.q.team.get(id) as Row | undefined;
    return r ? toTeam(r) : null;
  }
  async ledBy(openid: string): Promise<string[]> {
    return this.q.ledBy.all(openid) as string[];
  }
  async isLeader(teamId: string, openid: string): Promise<boolean> {
    return this.q.isLeader.get(teamId, openid) !== undefined;
  }
  async leaders(teamId: string): Promise<Array<{ openid: string; name: string }>> {
    return this.q.leaders.all(teamId) as Array<{ openid: string; name: string }>;
  }
  async getMembership(teamId: string, openid: string): Promise<Membership | null> {
    const r = this.q.member.get(`${teamId}_${openid}`) as Row | undefined;
    return r ? toMember(r) : null;
  }
  async membershipsOf(openid: string): Promise<Membership[]> {
    return (this.q.membershipsOf.all(openid) as Row[]).map(toMember);
  }
  async listMembers(teamId: string): Promise<Membership[]> {
    return (this.q.members.all(teamId) as Row[]).map(toMember);
  }
  async memberCounts(): Promise<Map<string, number>> {
    return new Map((this.q.counts.all() as Row[]).map((r) => [r.team_id as string, r.n as number]));
  }
  async apply(m: Membership, notices: Notification[]) {
    return this.applyTx.immediate(m, notices);
  }
  async transition(id: string, from: readonly Membership['status'][], to: Membership['status'], at: string, notices: Notification[]) {
    return this.transitionTx.immediate(id, from, to, at, notices);
  }
  async setPartyMember(id: string, partyMember: boolean): Promise<Membership | null> {
    if (this.q.setParty.run(partyMember ? 1 : 0, id).changes !== 1) return null;
    return toMember(this.q.member.get(id) as Row);
  }
  async heldNotes(teamIds: string[] | null, limit: number): Promise<Membership[]> {
    // Held notes are few (the moderator clears them daily): read along the partial index, filter here.
    const teams = teamIds === null ? null : new Set(teamIds);
    return (this.q.heldNotes.all() as Row[])
      .map(toMember)
      .filter((m) => teams === null || teams.has(m.teamId))
      .slice(0, limit);
  }
  async decideNote(membershipId: string, to: 'published' | 'rejected'): Promise<boolean> {
    return this.q.decideNote.run(to, membershipId).changes === 1;
  }
}
