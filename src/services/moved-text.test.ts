import type { ConcernDetail, RouteView } from '../../core/views';
import { movedText, ROUTE_MOVES } from './moved-text';

const route = (over: Partial<RouteView>): Pick<ConcernDetail, 'route'> => ({
  route: {
    step: 'manual',
    townId: 'danzao',
    villageId: null,
    cooperativeId: null,
    gridId: null,
    coOfficeId: null,
    reasonCode: 'TRANSFER',
    reason: '',
    townName: '丹灶镇',
    villageName: null,
    cooperativeName: null,
    gridName: null,
    coOfficeName: null,
    ...over,
  },
});

describe('the workbench toast after a route change', () => {
  it.each([
    ['transfer', route({ villageName: '新安社区', cooperativeName: '新安第一经济社', gridName: '新安第一网格' }), '已转派至新安第一经济社 · 新安第一网格'],
    ['dispatch', route({ villageName: '西城社区' }), '已派单至西城社区'],
    ['escalate', route({ villageName: '西城社区' }), '已上报至西城社区'],
    ['escalate', route({}), '已上报至丹灶镇'],
    ['return', route({}), '已退回丹灶镇派单队列'],
  ] as const)('names where the concern went after %s', (move, moved, text) => {
    expect(movedText(move, moved)).toBe(text);
  });

  it('has a text for every route change', () => {
    for (const m of ROUTE_MOVES) expect(movedText(m, route({})).length).toBeGreaterThan(0);
  });
});
