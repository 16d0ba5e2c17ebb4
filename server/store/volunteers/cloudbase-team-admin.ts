/**
 * Team set-up by the town's admin (issue 19) on CloudBase: new teams (`vol_teams`) and their leaders
 * (`vol_team_leaders`, `_id` `${teamId}_${openid}`), archived with `archivedAt`. CloudbaseTeams delegates here.
 */
import type { Team } from '../../../core/volunteers/volunteer-model';
import { StaleRead, type CloudbaseDb } from '../../cloudbase/db';

export class CloudbaseTeamAdmin {
  constructor(private readonly cb: CloudbaseDb) {}

  async createTeam(team: Team): Promise<boolean> {
    const { id, ...rest } = team;
    return (await this.cb.createOnce('vol_teams', { _id: id, ...rest, leadersVersion: 0 })).created;
  }

  /**
   * The current leaders are a query (read before the transaction); the team document's `leadersVersion`
   * says whether they are still current: the transaction checks and bumps it, so two saves at once
   * conflict on the team document, and one that read a stale set starts again.
   */
  async setLeaders(teamId: string, leaders: Array<{ openid: string; name: string }>): Promise<boolean> {
    return this.cb.withFreshReads(async () => {
      const team = await this.cb.getDoc('vol_teams', teamId);
      if (!team) return false;
      const seen = Number(team.leadersVersion ?? 0);
      const current = (await this.cb.readAll('vol_team_leaders', { teamId })).map((d) => d._id);
      return this.cb.transaction(async (tx) => {
        const t = await tx.get('vol_teams', teamId);
        if (!t) return false;
        if (Number(t.leadersVersion ?? 0) !== seen) throw new StaleRead(`leaders of ${teamId}`);
        await tx.update('vol_teams', teamId, { leadersVersion: seen + 1 });
        const keep = new Set(leaders.map((l) => `${teamId}_${l.openid}`));
        for (const id of current) if (!keep.has(id)) await tx.remove('vol_team_leaders', id);
        for (const l of leaders) await tx.set('vol_team_leaders', { _id: `${teamId}_${l.openid}`, teamId, openid: l.openid, name: l.name });
        return true;
      });
    });
  }

  /** One conditional update (`archivedAt` not yet set): of two archivings at once, one writes. */
  async archiveTeam(teamId: string, at: string): Promise<boolean> {
    return this.cb.conditionalUpdate('vol_teams', { _id: teamId, archivedAt: this.cb._.exists(false) }, { archivedAt: at });
  }
}
