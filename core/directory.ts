import type { CalendarYear } from './calendar';
import { GridIndex } from './grid';
import { LocationIndex } from './locate';
import type { Office } from './model';
import type { DirectoryRepo } from './ports';

export interface DirectorySnapshot {
  version: number;
  grid: GridIndex;
  /** Grid boundaries behind a spatial index, built with the snapshot. */
  where: LocationIndex;
  offices: Office[];
  officeById: Map<string, Office>;
  /** The working-day calendar: the latest list of every year that has one. */
  calendar: CalendarYear[];
}

/**
 * Caches the grid index, the boundaries' spatial index and the calendar per directory version: they are
 * rebuilt only when the stored directory changes, so a request pays one version read, not a rebuild.
 */
export class DirectoryCache {
  private snapshot: DirectorySnapshot | null = null;
  private building: { version: number; promise: Promise<DirectorySnapshot> } | null = null;

  constructor(private readonly repo: DirectoryRepo) {}

  async current(): Promise<DirectorySnapshot> {
    const version = await this.repo.gridVersion();
    if (this.snapshot && this.snapshot.version === version) return this.snapshot;
    // A build for an older version is not reused: an import must be visible to the next call.
    if (!this.building || this.building.version !== version) {
      const promise = (async () => {
        const [nodes, boundaries, offices, calendar] = await Promise.all([this.repo.listNodes(), this.repo.listBoundaries(), this.repo.listOffices(), this.repo.listCalendarYears()]);
        const grid = new GridIndex(nodes);
        const snap: DirectorySnapshot = {
          version,
          grid,
          where: new LocationIndex(grid, boundaries),
          offices,
          officeById: new Map(offices.map((o) => [o.id, o])),
          calendar,
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
