/**
 * Contract cases for a concern's source (issue 20, item 3): a report a volunteer team's leader flagged in
 * the field is stored and read back with `source: 'team'`, through every read that returns whole concerns,
 * and keeps it through a transition; app and relayed reports keep theirs. Called by describeStoreContract.
 */
import type { ConcernSource } from '../../../core/model';
import type { Store } from '../../../core/ports';
import { at, change, concern, event } from '../contract-fixtures';

export function describeSourceContract(current: () => Store): void {
  describe('concern sources (志愿服务队发现)', () => {
    it.each<ConcernSource>(['team', 'app', '12345'])('stores and reads back a concern with source %s, also after a transition', async (source) => {
      const { concerns } = current();
      const c = concern({ source, reporterOpenid: `o-source-${source}`, ...(source === '12345' ? { requestId: 'SRC-0001' } : {}) });
      expect((await concerns.create(c, [event(c, 'submitted', { fromStatus: null, toStatus: 'assigned' })], [])).created).toBe(true);
      expect((await concerns.get(c.id))?.source).toBe(source);
      expect((await concerns.listByReporter(c.reporterOpenid, { cursor: null, limit: 10 })).items.map((x) => [x.id, x.source])).toEqual([[c.id, source]]);
      expect(await concerns.commit(c.id, 1, change({ patch: { status: 'accepted', updatedAt: at(5) } }))).toMatchObject({ source, status: 'accepted', version: 2 });
      expect(await concerns.get(c.id)).toMatchObject({ source, status: 'accepted', version: 2 });
    });
  });
}
