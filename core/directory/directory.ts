import type { CalendarYear } from './calendar';
import { GridIndex } from './grid';
import { LocationIndex } from './locate';
import type { Category, Office } from '../model';
import type { DirectoryRepo } from '../ports';

export interface DirectorySnapshot {
  version: number;
  grid: GridIndex;
  /** Grid boundaries behind a spatial index, built with the snapshot. */
  where: LocationIndex;
  offices: Office[];
  officeById: Map<string, Office>;
  /** The working-day calendar: the latest list of every year that has one. */
  calendar: CalendarYear[];
  /** Every town's categories, keyed `townId/code` (categoryKey). */
  categoryByKey: Map<string, Category>;
}

export function categoryKey(townId: string, code: string): string {
  return `${townId}/${code}`;
}

/** The categories of a town (of every town without one), in the store's order, from the snapshot: no read. */
export function categoriesOf(snap: DirectorySnapshot, townId?: string): Category[] {
  const all = [...snap.categoryByKey.values()];
  return townId === undefined ? all : all.filter((c) => c.townId === townId);
}

/** A town's category by its code, from the snapshot; undefined when the town has no such category. */
export function categoryOf(snap: DirectorySnapshot, townId: string, code: string): Category | undefined {
  return snap.categoryByKey.get(categoryKey(townId, code));
}

/**
 * Caches the grid index, the boundaries' spatial index, the calendar and the categories per directory
 * version: they are rebuilt only when the stored directory changes (every write of any of them bumps the
 * version), so a request pays one version read, not a rebuild.
 */
export class DirectoryCache {
  private snapshot: DirectorySnapshot | null = null;
  private building: { version: number; promise: Promise<DirectorySnapshot> } | null = null;

  constructor(private readonly repo: DirectoryRepo) {}

  /**
   * The snapshot built last, without reading the version: for bookkeeping after a handler has just read
   * `current()` (the audit entry's town), where a grid change in between changes nothing that matters.
   */
  latest(): DirectorySnapshot | null {
    return this.snapshot;
  }

  async current(): Promise<DirectorySnapshot> {
    const version = await this.repo.gridVersion();
    if (this.snapshot && this.snapshot.version === version) return this.snapshot;
    // A build for an older version is not reused: an import must be visible to the next call.
    if (!this.building || this.building.version !== version) {
      const promise = (async () => {
        const [nodes, boundaries, offices, calendar, categories] = await Promise.all([
          this.repo.listNodes(),
          this.repo.listBoundaries(),
          this.repo.listOffices(),
          this.repo.listCalendarYears(),
          this.repo.listCategories(),
        ]);
        const grid = new GridIndex(nodes);
        const snap: DirectorySnapshot = {
          version,
          grid,
          where: new LocationIndex(grid, boundaries),
          offices,
          officeById: new Map(offices.map((o) => [o.id, o])),
          calendar,
          categoryByKey: new Map(categories.map((c) => [categoryKey(c.townId, c.code), c])),
        };
        if (!this.snapshot || this.snapshot.version <= version) this.snapshot = snap;
        return snap;
      })().finally(() => {
        if (this.building?.promise === promise) this.building = null;
      });
      this.building = { version, promise };
    }
    return this.building.promise;
  }
}

/**
 * One call's view of the shared cache: the snapshot is asked for when the call begins, in parallel with
 * resolving the caller (on CloudBase each is a round trip, and neither needs the other), and the call's
 * first `current()` answers that read. Later `current()`s read the version again, as the shared cache
 * does, so a handler that changed the directory sees its change.
 */
export class CallDirectory extends DirectoryCache {
  private ahead: Promise<DirectorySnapshot> | null;

  constructor(
    private readonly shared: DirectoryCache,
    repo: DirectoryRepo,
  ) {
    super(repo);
    this.ahead = shared.current();
    // Settled here too: a call refused before its handler runs leaves no rejection unhandled.
    this.ahead.catch(() => undefined);
  }

  override latest(): DirectorySnapshot | null {
    return this.shared.latest();
  }

  override current(): Promise<DirectorySnapshot> {
    const ahead = this.ahead;
    if (ahead === null) return this.shared.current();
    // Every `current()` of the same synchronous step (helpers started together) shares the read.
    void Promise.resolve().then(() => (this.ahead = null));
    return ahead;
  }
}
