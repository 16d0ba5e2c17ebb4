/** Team set-up by the town's admin (issue 19) on SQLite: new teams, their leaders, archiving. SqliteTeams delegates here. */
import type Database from 'better-sqlite3';
import type { Team } from '../../../core/volunteers/volunteer-model';

export class SqliteTeamAdmin {
  private readonly q;
  private readonly leadersTx;

  constructor(db: Database.Database) {
    this.q = {
      insertTeam: db.prepare(`INSERT INTO vol_teams (id, name, kind, node_id, description, created_at) VALUES (@id, @name, @kind, @nodeId, @description, @createdAt) ON CONFLICT(id) DO NOTHING`),
      team: db.prepare(`SELECT 1 FROM vol_teams WHERE id = ?`).pluck(),
      clearLeaders: db.prepare(`DELETE FROM vol_team_leaders WHERE team_id = ?`),
      insertLeader: db.prepare(`INSERT INTO vol_team_leaders (team_id, openid, name) VALUES (?, ?, ?)`),
      archive: db.prepare(`UPDATE vol_teams SET archived_at = ? WHERE id = ? AND archived_at IS NULL`),
    };
    this.leadersTx = db.transaction((teamId: string, leaders: Array<{ openid: string; name: string }>): boolean => {
      if (!this.q.team.get(teamId)) return false;
      this.q.clearLeaders.run(teamId);
      for (const l of leaders) this.q.insertLeader.run(teamId, l.openid, l.name);
      return true;
    });
  }

  createTeam(team: Team): boolean {
    return this.q.insertTeam.run(team).changes > 0;
  }
  setLeaders(teamId: string, leaders: Array<{ openid: string; name: string }>): boolean {
    return this.leadersTx.immediate(teamId, leaders);
  }
  archiveTeam(teamId: string, at: string): boolean {
    return this.q.archive.run(at, teamId).changes > 0;
  }
}
