/**
 * Contract cases for a town's working time (issue 19): stored whole per town, next to its public board
 * and reply templates, which neither write disturbs. Called by describeStoreContract.
 */
import type { Store, TownWorkSettings } from '../../../core/ports';

const NONE: TownWorkSettings = { dayStartMinute: null, dayEndMinute: null, checkinMarginMinutes: null, reminderLeadMinutes: null };

export function describeTownWorkContract(current: () => Store, boardTowns: readonly string[]): void {
  describe("a town's working time", () => {
    it('stores it whole per town, keeps the board and the templates, and lists only towns that set any', async () => {
      const { board } = current();
      const [on] = boardTowns;
      expect(await board.workSettings(on)).toEqual(NONE);
      expect(await board.workSettings('no-such-town')).toEqual(NONE);
      expect(await board.listWorkSettings()).toEqual([]);
      await board.saveReplyTemplates(on, { road: ['已报修。'] });
      const work = { dayStartMinute: 8 * 60 + 30, dayEndMinute: 17 * 60 + 30, checkinMarginMinutes: 15, reminderLeadMinutes: null };
      await board.saveWorkSettings(on, work);
      await board.saveWorkSettings('jiujiang', { ...NONE, reminderLeadMinutes: 120 });
      expect(await board.workSettings(on)).toEqual(work);
      expect(await board.settings(on)).toEqual({ publicBoard: true, replyTemplates: { road: ['已报修。'] } });
      expect(await board.settings('jiujiang')).toEqual({ publicBoard: false, replyTemplates: {} });
      expect(await board.listWorkSettings()).toEqual([
        { townId: on, work },
        { townId: 'jiujiang', work: { ...NONE, reminderLeadMinutes: 120 } },
      ].sort((a, b) => (a.townId < b.townId ? -1 : 1)));
      // The board and the templates change without touching the working time.
      await board.setPublicBoard(on, false);
      await board.saveReplyTemplates(on, {});
      expect(await board.workSettings(on)).toEqual(work);
      // Saved whole: back to every default, and the town leaves the list.
      await board.saveWorkSettings(on, NONE);
      expect(await board.workSettings(on)).toEqual(NONE);
      expect((await board.listWorkSettings()).map((t) => t.townId)).toEqual(['jiujiang']);
    });
  });
}
