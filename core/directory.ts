import { GridIndex } from './grid';
import type { Office } from './model';
import type { DirectoryRepo } from './ports';

export interface DirectorySnapshot {
  version: number;
  grid: GridIndex;
  offices: Office[];
  officeById: Map<string, Office>;
}

/**
 * Caches the grid index per grid version: it is rebuilt only when the stored grid changes, so a
 * request pays one version read, not a rebuild.
 */
export class DirectoryCache {
  private snapshot: DirectorySnapshot | null = null;
  private building: Promise<DirectorySnapshot> | null = null;

  constructor(private readonly repo: DirectoryRepo) {}

  async current(): Promise<DirectorySnapshot> {
    const version = await this.repo.gridVersion();
    if (this.snapshot && this.snapshot.version === version) return this.snapshot;
    if (!this.building) {
      this.building = (async () => {
        const [nodes, offices] = await Promise.all([this.repo.listNodes(), this.repo.listOffices()]);
        const snap: DirectorySnapshot = {
          version,
          grid: new GridIndex(nodes),
          offices,
          officeById: new Map(offices.map((o) => [o.id, o])),
        };
        this.snapshot = snap;
        return snap;
      })().finally(() => {
        this.building = null;
      });
    }
    return this.building;
  }
}
