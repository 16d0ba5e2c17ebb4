/**
 * Contract cases for archiving a volunteer team (issue 19): archived once, by one of several admins at
 * once, the team and everything of it kept. Called by describeStoreContract.
 */
import type { Store } from '../../../core/ports';
import { DEMO_TEAMS } from '../../demo-data';
import { at } from '../contract-fixtures';

export function describeTeamArchiveContract(current: () => Store): void {
  describe('archiving a volunteer team', () => {
    it('archives a team once, keeps it listed with its leaders and members, and refuses an unknown team', async () => {
      const { teams } = current();
      const before = await teams.getTeam(DEMO_TEAMS.daguo);
      const leaders = await teams.leaders(DEMO_TEAMS.daguo);
      const members = await teams.listMembers(DEMO_TEAMS.daguo);
      expect(before?.archivedAt).toBeUndefined();
      expect(await teams.archiveTeam(DEMO_TEAMS.daguo, at(5))).toBe(true);
      expect(await teams.getTeam(DEMO_TEAMS.daguo)).toEqual({ ...before, archivedAt: at(5) });
      expect((await teams.listTeams()).find((t) => t.id === DEMO_TEAMS.daguo)).toEqual({ ...before, archivedAt: at(5) });
      // A second archiving writes nothing: the first instant stays.
      expect(await teams.archiveTeam(DEMO_TEAMS.daguo, at(9))).toBe(false);
      expect((await teams.getTeam(DEMO_TEAMS.daguo))?.archivedAt).toBe(at(5));
      expect(await teams.leaders(DEMO_TEAMS.daguo)).toEqual(leaders);
      expect(await teams.listMembers(DEMO_TEAMS.daguo)).toEqual(members);
      expect((await teams.getTeam(DEMO_TEAMS.dungen))?.archivedAt).toBeUndefined();
      expect(await teams.archiveTeam('no-such-team', at(5))).toBe(false);
      expect(await teams.getTeam('no-such-team')).toBeNull();
    });

    it('lets exactly one of several admins archiving the same team at once do it', async () => {
      const { teams } = current();
      const results = await Promise.all([1, 2, 3].map((n) => teams.archiveTeam(DEMO_TEAMS.dungen, at(n))));
      expect(results.filter(Boolean)).toHaveLength(1);
      const winner = results.indexOf(true) + 1;
      expect((await teams.getTeam(DEMO_TEAMS.dungen))?.archivedAt).toBe(at(winner));
    });
  });
}
