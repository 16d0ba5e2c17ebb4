import { actorsOf, canView, hasHandled, isDispatcher, isHandler, isReporter, passedItOn } from './access';
import { GridIndex } from '../directory/grid';
import type { Caller, Concern, ConcernEvent, RouteDecision } from '../model';
import { noClocks } from './sla';
import { NODES } from '../test-grid';

const grid = new GridIndex(NODES);

const route = (over: Partial<RouteDecision> = {}): RouteDecision => ({
  step: 'place',
  townId: 't1',
  villageId: 'v1',
  cooperativeId: 'c1',
  gridId: 'c1-ga',
  coOfficeId: 't1-env',
  reasonCode: 'PLACE_GRID',
  reason: '测试',
  ...over,
});

const concern = (over: Partial<RouteDecision> = {}): Concern => ({
  id: 'k1',
  reporterOpenid: 'o-resident',
  source: 'app',
  category: 'environment',
  description: '路灯坏了很久',
  placeId: 'c1-ga',
  location: null,
  photos: [],
  status: 'assigned',
  route: route(over),
  sla: noClocks(),
  rating: null,
  createdAt: '2026-11-25T02:00:00.000Z',
  updatedAt: '2026-11-25T02:00:00.000Z',
  version: 1,
  requestId: null,
  moderation: 'published',
  pastNodeIds: [],
});

const who = (openid: string, role: Caller['role'], nodeId: string | null): Caller => ({ openid, name: openid, role, nodeId });

const event = (actorOpenid: string, type: string): ConcernEvent => ({
  id: `e-${type}`,
  concernId: 'k1',
  type,
  actorOpenid,
  actorName: null,
  actorRole: 'staff',
  at: '2026-11-25T03:00:00.000Z',
  fromStatus: 'assigned',
  toStatus: 'accepted',
  note: null,
});

describe('who may see and handle a concern', () => {
  it('lets the office that co-handles the concern see and handle it', () => {
    const office = who('o-env', 'office', 't1-env');
    expect(isHandler(grid, office, concern())).toBe(true);
    expect(canView(grid, office, concern())).toBe(true);
  });

  it('tells an office that is not the co-handler that the concern does not exist', () => {
    const otherOffice = who('o-env2', 'office', 't2-env');
    expect(isHandler(grid, otherOffice, concern())).toBe(false);
    expect(canView(grid, otherOffice, concern())).toBe(false);
    // A concern without a lead office has no co-handler at all: no office sees it.
    expect(canView(grid, who('o-env', 'office', 't1-env'), concern({ coOfficeId: null }))).toBe(false);
  });

  it('lets staff of the handling grid and of its ancestors handle it, and no one of a sibling grid', () => {
    expect(isHandler(grid, who('s-grid', 'staff', 'c1-ga'), concern())).toBe(true);
    expect(isHandler(grid, who('s-coop', 'staff', 'c1'), concern())).toBe(true);
    expect(isHandler(grid, who('s-town', 'staff', 't1'), concern())).toBe(true);
    expect(isHandler(grid, who('s-sibling', 'staff', 'c1-gb'), concern())).toBe(false);
    expect(canView(grid, who('s-other-town', 'staff', 't2'), concern())).toBe(false);
  });

  it('gives staff without a node nothing', () => {
    expect(isHandler(grid, who('s-none', 'staff', null), concern())).toBe(false);
    expect(isHandler(grid, who('o-none', 'office', null), concern({ coOfficeId: null }))).toBe(false);
  });

  it('lets an admin see the concerns inside the node they administer, without making them a handler', () => {
    const townAdmin = who('a-t1', 'admin', 't1');
    expect(canView(grid, townAdmin, concern())).toBe(true);
    expect(isHandler(grid, townAdmin, concern())).toBe(false);
    expect(canView(grid, who('a-t2', 'admin', 't2'), concern())).toBe(false);
    expect(canView(grid, who('a-none', 'admin', null), concern())).toBe(false);
  });

  it('lets the reporter see their own concern and nobody else as reporter', () => {
    expect(isReporter(who('o-resident', 'resident', null), concern())).toBe(true);
    expect(canView(grid, who('o-resident', 'resident', null), concern())).toBe(true);
    expect(canView(grid, who('o-neighbour', 'resident', null), concern())).toBe(false);
  });
});

describe('the town dispatcher', () => {
  it('is staff serving the town node of the concern', () => {
    expect(isDispatcher(who('s-town', 'staff', 't1'), concern({ step: 'dispatch', gridId: null, cooperativeId: null, villageId: null }))).toBe(true);
  });

  it('is not a town admin, an office of the town, staff of another town or staff below the town', () => {
    const queued = concern({ step: 'dispatch', gridId: null, cooperativeId: null, villageId: null });
    expect(isDispatcher(who('a-t1', 'admin', 't1'), queued)).toBe(false);
    expect(isDispatcher(who('o-env', 'office', 't1'), queued)).toBe(false);
    expect(isDispatcher(who('s-t2', 'staff', 't2'), queued)).toBe(false);
    expect(isDispatcher(who('s-v1', 'staff', 'v1'), queued)).toBe(false);
  });
});

describe('the roles a caller holds on a concern', () => {
  it('lists reporter, handler and dispatcher in that order, each only when it holds', () => {
    // Town staff who reported at their own town: all three.
    const c = { ...concern(), reporterOpenid: 's-town' };
    expect(actorsOf(grid, who('s-town', 'staff', 't1'), c)).toEqual(['reporter', 'handler', 'dispatcher']);
    expect(actorsOf(grid, who('s-grid', 'staff', 'c1-ga'), concern())).toEqual(['handler']);
    expect(actorsOf(grid, who('o-resident', 'resident', null), concern())).toEqual(['reporter']);
    expect(actorsOf(grid, who('a-t1', 'admin', 't1'), concern())).toEqual([]);
  });
});

describe('who has handled a concern (and so may not rate it)', () => {
  it('is a current handler or the dispatcher', () => {
    expect(hasHandled(grid, who('s-grid', 'staff', 'c1-ga'), concern(), [])).toBe(true);
    expect(hasHandled(grid, who('s-town', 'staff', 't1'), concern(), [])).toBe(true);
  });

  it('is a person who made a handling move earlier, even after the concern moved away', () => {
    const moved = concern({ villageId: 'v2', cooperativeId: null, gridId: 'v2-g' });
    const former = who('s-grid', 'staff', 'c1-ga');
    expect(isHandler(grid, former, moved)).toBe(false);
    expect(hasHandled(grid, former, moved, [event('s-grid', 'accepted')])).toBe(true);
  });

  it('is not a person whose only events are not handling moves, nor a bystander', () => {
    const resident = who('o-resident', 'resident', null);
    expect(hasHandled(grid, resident, concern(), [event('o-resident', 'resident_replied'), event('s-grid', 'accepted')])).toBe(false);
    expect(hasHandled(grid, who('o-neighbour', 'resident', null), concern(), [event('s-grid', 'accepted')])).toBe(false);
  });
});

describe('who passed a concern on', () => {
  const moved = { ...concern({ villageId: 'v2', cooperativeId: null, gridId: 'v2-g' }), pastNodeIds: ['c1-ga'] };

  it('is staff of a node that held it before, and of the nodes above that one, while they no longer handle it', () => {
    expect(passedItOn(grid, who('s-grid', 'staff', 'c1-ga'), moved)).toBe(true);
    expect(passedItOn(grid, who('s-coop', 'staff', 'c1'), moved)).toBe(true);
    expect(passedItOn(grid, who('s-other', 'staff', 'c1-gb'), moved)).toBe(false);
  });

  it('is never an admin or an office, whatever nodes the concern passed through', () => {
    expect(passedItOn(grid, who('a-v1', 'admin', 'v1'), moved)).toBe(false);
    expect(passedItOn(grid, who('o-env', 'office', 't1-env'), { ...moved, pastNodeIds: ['t1-env'] })).toBe(false);
  });

  it('is not someone who handles it now, though their node held it before', () => {
    expect(passedItOn(grid, who('s-town', 'staff', 't1'), moved)).toBe(false);
  });
});
