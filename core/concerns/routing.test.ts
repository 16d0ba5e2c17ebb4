import { AppError } from '../errors';
import { GridIndex } from '../directory/grid';
import { handlingNodeId, routeByPlace, routeConcern } from './routing';
import { NODES, OFFICES, category } from '../test-grid';

const grid = new GridIndex(NODES);

describe('routing by the place the resident picked', () => {
  const table: Array<{ name: string; placeId: string; step: string; gridId: string | null; cooperativeId: string | null; villageId: string | null; reasonCode: string; reason: string }> = [
    { name: 'a grid goes to that grid and its cooperative', placeId: 'c1-gb', step: 'place', gridId: 'c1-gb', cooperativeId: 'c1', villageId: 'v1', reasonCode: 'PLACE_GRID', reason: '居民选择的地点属于一社乙网格' },
    { name: "a cooperative goes to its grid, the first by id when it has several", placeId: 'c1', step: 'place', gridId: 'c1-ga', cooperativeId: 'c1', villageId: 'v1', reasonCode: 'PLACE_COOPERATIVE', reason: '居民选择了一村一社，由该经济社所在的一社甲网格及经济社社委办理' },
    { name: 'a cooperative without a grid goes to its committee', placeId: 'c2', step: 'place', gridId: null, cooperativeId: 'c2', villageId: 'v1', reasonCode: 'PLACE_COOPERATIVE_NO_GRID', reason: '居民选择了一村二社，该经济社未划网格，由经济社社委办理' },
    { name: 'a village with a village-level grid goes to that grid', placeId: 'v2', step: 'place', gridId: 'v2-g', cooperativeId: null, villageId: 'v2', reasonCode: 'PLACE_VILLAGE', reason: '居民只选择了二村，未选经济社，由二村网格及二村村居两委办理' },
    { name: 'a village alone goes to the village committee', placeId: 'v1', step: 'place', gridId: null, cooperativeId: null, villageId: 'v1', reasonCode: 'PLACE_VILLAGE', reason: '居民只选择了一村，未选经济社，由一村村居两委办理' },
    { name: 'a town alone goes to the dispatcher queue', placeId: 't1', step: 'dispatch', gridId: null, cooperativeId: null, villageId: null, reasonCode: 'DISPATCH_NO_PLACE', reason: '未能确定具体村居，进入甲镇派单队列，由派单员人工分派' },
  ];

  it.each(table)('$name', (row) => {
    const townId = grid.placement(row.placeId).town!.id;
    const r = routeByPlace(grid, OFFICES, { placeId: row.placeId, category: category(townId) });
    expect(r).toMatchObject({ step: row.step, gridId: row.gridId, cooperativeId: row.cooperativeId, villageId: row.villageId, townId, reasonCode: row.reasonCode, coOfficeId: null });
    expect(r.reason).toBe(row.reason);
  });

  it("adds the category's lead office of the same town as co-handler and says so", () => {
    const r = routeByPlace(grid, OFFICES, { placeId: 'c1', category: category('t1', 'environment') });
    expect(r.coOfficeId).toBe('t1-env');
    expect(r.reason).toContain('甲镇人居环境办');
  });

  it("never makes another town's office with the same code the co-handler, whatever the order of the offices", () => {
    const otherTownFirst = [OFFICES[1], OFFICES[0]];
    expect(otherTownFirst[0]).toMatchObject({ townId: 't2', code: 'environment' });
    const r = routeByPlace(grid, otherTownFirst, { placeId: 'c1', category: category('t1', 'environment') });
    expect(r.coOfficeId).toBe('t1-env');
    expect(r.reason).toContain('甲镇人居环境办');
    expect(r.reason).not.toContain('乙镇');
    // Only the other town has the office: nobody co-handles, and the reason names no office.
    const onlyOther = routeByPlace(grid, [OFFICES[1]], { placeId: 'c1', category: category('t1', 'environment') });
    expect(onlyOther.coOfficeId).toBeNull();
    expect(onlyOther.reason).not.toContain('牵头');
  });

  it('adds no co-handler when the town has no office with the lead code', () => {
    const r = routeByPlace(grid, OFFICES, { placeId: 'c1', category: category('t1', 'enforcement') });
    expect(r.coOfficeId).toBeNull();
  });

  it('refuses an unknown place with GRID.PLACE_NOT_FOUND', () => {
    expect(() => routeByPlace(grid, OFFICES, { placeId: 'nowhere', category: category('t1') })).toThrow(
      expect.objectContaining({ code: 'GRID.PLACE_NOT_FOUND' }),
    );
  });

  it('refuses a place above town level', () => {
    expect(() => routeByPlace(grid, OFFICES, { placeId: 'd', category: category('t1') })).toThrow(AppError);
  });

  it("refuses a category configured for another town", () => {
    expect(() => routeByPlace(grid, OFFICES, { placeId: 'v3', category: category('t1') })).toThrow(
      expect.objectContaining({ code: 'CATEGORY.UNKNOWN' }),
    );
  });

  it('names the most specific handling node', () => {
    const base = routeByPlace(grid, OFFICES, { placeId: 't1', category: category('t1') });
    expect(handlingNodeId(base)).toBe('t1');
    expect(handlingNodeId(routeByPlace(grid, OFFICES, { placeId: 'c2', category: category('t1') }))).toBe('c2');
    expect(handlingNodeId(routeByPlace(grid, OFFICES, { placeId: 'c1', category: category('t1') }))).toBe('c1-ga');
  });
});

describe('the grid index', () => {
  it('knows a node is within its ancestors and not within its siblings', () => {
    expect(grid.isWithin('c1-ga', 'c1')).toBe(true);
    expect(grid.isWithin('c1-ga', 'v1')).toBe(true);
    expect(grid.isWithin('c1-ga', 't1')).toBe(true);
    expect(grid.isWithin('c1-ga', 'c2')).toBe(false);
    expect(grid.isWithin('c1-ga', 'v2')).toBe(false);
  });

  it('refuses a malformed tree: a missing parent, a wrong nesting, a duplicate id', () => {
    expect(() => new GridIndex([...NODES, { id: 'x', kind: 'grid', name: 'x', parentId: 'missing' }])).toThrow(/missing parent/);
    expect(() => new GridIndex([...NODES, { id: 'x', kind: 'village', name: 'x', parentId: 'c1' }])).toThrow(/cannot sit under/);
    expect(() => new GridIndex([...NODES, NODES[3]])).toThrow(/duplicate/);
  });

  it('builds the tree with children ordered by id', () => {
    const [root] = grid.tree();
    expect(root.id).toBe('d');
    const v1 = root.children[0].children.find((v) => v.id === 'v1')!;
    expect(v1.children.map((c) => c.id)).toEqual(['c1', 'c2']);
    expect(v1.children[0].children.map((g) => g.id)).toEqual(['c1-ga', 'c1-gb']);
  });
});

describe('routing by the reported location, and the reason each decision gives', () => {
  const at = (gridId: string | null, candidates: string[] = gridId ? [gridId] : [], townId: string | null = 't1') => ({ gridId, candidates, townId });
  const route = (located: ReturnType<typeof at> | null, placeId: string | null = null, lead: string | null = null) =>
    routeConcern(grid, OFFICES, { located, placeId, category: category('t1', lead) });

  it('sends a location inside one grid to that grid and its cooperative committee, and says nothing of a border', () => {
    expect(route(at('c1-ga'))).toMatchObject({ step: 'location', gridId: 'c1-ga', cooperativeId: 'c1', villageId: 'v1', townId: 't1', reasonCode: 'LOCATION_GRID', reason: '居民上报的位置在一社甲网格内，由一社甲网格及一社社委办理' });
  });

  it('names the village committee for a grid that belongs to a village without a cooperative', () => {
    expect(route(at('v2-g'))).toMatchObject({ gridId: 'v2-g', cooperativeId: null, villageId: 'v2', reason: '居民上报的位置在二村网格内，由二村网格及二村村居两委办理' });
  });

  it('says which grids share the border a location lies on, and which one took it', () => {
    expect(route(at('c1-gb', ['c1-ga', 'c1-gb']))).toMatchObject({
      gridId: 'c1-gb',
      reasonCode: 'LOCATION_GRID_BORDER',
      reason: '居民上报的位置在一社乙网格内（位置正好在一社甲网格、一社乙网格的分界线上，按分界线东侧、北侧优先的规则归一社乙网格），由一社乙网格及一社社委办理',
    });
  });

  it('names the lead office that co-handles a location-routed concern', () => {
    expect(route(at('c1-ga'), null, 'environment')).toMatchObject({ coOfficeId: 't1-env', reason: '居民上报的位置在一社甲网格内，由一社甲网格及一社社委办理；人居环境由甲镇人居环境办牵头，同步协办' });
  });

  it('falls back to the picked place when the location is in no grid, and says so', () => {
    expect(route(at(null), 'v1')).toMatchObject({ step: 'place', villageId: 'v1', reasonCode: 'PLACE_VILLAGE', reason: '上报的位置不在任何网格内；居民只选择了一村，未选经济社，由一村村居两委办理' });
    expect(route(null, 'v1').reason).toBe('居民只选择了一村，未选经济社，由一村村居两委办理');
  });

  it("sends a location in a town but in no grid, with no place picked, to that town's dispatcher queue", () => {
    expect(route(at(null), null, 'environment')).toMatchObject({
      step: 'dispatch',
      townId: 't1',
      gridId: null,
      villageId: null,
      coOfficeId: 't1-env',
      reasonCode: 'DISPATCH_NO_GRID',
      reason: '上报的位置在甲镇内，但不在任何网格内，进入甲镇派单队列，由派单员人工分派；人居环境由甲镇人居环境办牵头，同步协办',
    });
  });

  it('refuses with GRID.PLACE_REQUIRED when there is neither a location in a town nor a place', () => {
    expect(() => route(at(null, [], null))).toThrow(expect.objectContaining({ code: 'GRID.PLACE_REQUIRED' }));
  });
});

describe('routing around retired grids', () => {
  const retired = new GridIndex(NODES.map((n) => (n.id === 'c1-ga' || n.id === 'v2-g' ? { ...n, retiredAt: '2026-11-01T00:00:00.000Z' } : n)));

  it("skips a cooperative's retired grid for the one still in service", () => {
    expect(routeByPlace(retired, OFFICES, { placeId: 'c1', category: category('t1') })).toMatchObject({ gridId: 'c1-gb', reasonCode: 'PLACE_COOPERATIVE' });
  });

  it("sends a village whose only grid is retired to the village committee alone", () => {
    expect(routeByPlace(retired, OFFICES, { placeId: 'v2', category: category('t1') })).toMatchObject({ gridId: null, villageId: 'v2', reason: '居民只选择了二村，未选经济社，由二村村居两委办理' });
  });
});
