import { CallDirectory, DirectoryCache, categoriesOf, categoryOf } from './directory';
import type { Category } from '../model';
import type { DirectoryRepo } from '../ports';
import { NODES, OFFICES, category } from '../test-grid';

/** A directory whose version and categories the test sets, counting the reads it answers. */
function directory() {
  const state = { version: 1, categories: [category('t1')] as Category[], reads: { version: 0, categories: 0 } };
  const repo = {
    gridVersion: async () => (state.reads.version++, state.version),
    listNodes: async () => NODES,
    listBoundaries: async () => [],
    listOffices: async () => OFFICES,
    listCalendarYears: async () => [],
    listCategories: async () => (state.reads.categories++, state.categories),
  } as unknown as DirectoryRepo;
  return { state, repo, cache: new DirectoryCache(repo) };
}

describe('the directory snapshot', () => {
  it("carries every town's categories, read once per directory version", async () => {
    const { state, cache } = directory();
    const first = await cache.current();
    expect(categoryOf(first, 't1', 'environment')).toMatchObject({ name: '人居环境' });
    expect(categoryOf(first, 't2', 'environment')).toBeUndefined();
    expect(categoriesOf(first).map((c) => c.townId)).toEqual(['t1']);
    expect(categoriesOf(first, 't2')).toEqual([]);
    await cache.current();
    expect(state.reads).toEqual({ version: 2, categories: 1 });
  });

  it('sees a category change once the version moves', async () => {
    const { state, cache } = directory();
    await cache.current();
    state.categories = [category('t1'), category('t2')];
    expect(categoryOf(await cache.current(), 't2', 'environment')).toBeUndefined();
    state.version = 2;
    expect(categoryOf(await cache.current(), 't2', 'environment')).toMatchObject({ townId: 't2' });
    expect(state.reads.categories).toBe(2);
  });

  it('offers the snapshot built last without a read, and none before the first', async () => {
    const { state, cache } = directory();
    expect(cache.latest()).toBeNull();
    const snap = await cache.current();
    expect(cache.latest()).toBe(snap);
    expect(state.reads.version).toBe(1);
  });

  it("reads a call's snapshot when the call begins, answers it to the handler's first asks, and reads again after", async () => {
    const { state, repo, cache } = directory();
    const call = new CallDirectory(cache, repo);
    // Asked for at construction, before any handler runs.
    expect(state.reads.version).toBe(1);
    state.version = 2;
    state.categories = [category('t1'), category('t2')];
    // Helpers started together share the read made when the call began (version 1).
    const [a, b] = await Promise.all([call.current(), call.current()]);
    expect(a).toBe(b);
    expect(a.version).toBe(1);
    expect(state.reads.version).toBe(1);
    // A later ask reads the version again and sees the change, as the shared cache would.
    const later = await call.current();
    expect(later.version).toBe(2);
    expect(categoryOf(later, 't2', 'environment')).toMatchObject({ townId: 't2' });
    expect(state.reads.version).toBe(2);
    expect(call.latest()).toBe(cache.latest());
  });
});
