import type { BoundaryImportPlan } from '../../../core/directory/boundary-import';
import type { CalendarYear } from '../../../core/directory/calendar';
import type { Boundary } from '../../../core/directory/locate';
import type { ApiClient, Category, GridNode, Office, StaffMember } from '../../../core/model';
import type { DirectoryRepo, UserRecord } from '../../../core/ports';
import type { DepartedStaff, PendingStaff, RosterImportPlan } from '../../../core/directory/roster-import';
import { chunkByWrites } from '../../cloudbase/chunks';
import { CloudbaseRoster, toStaff } from './cloudbase-roster';
import { CloudbaseApiClients } from '../trust/cloudbase-api-clients';
import { CloudbaseGridAdmin } from './cloudbase-grid-admin';
import type { ApiClientRecord } from '../../../core/admin/api-client-model';

export { toStaff };
import type { CloudbaseDb, StoredDoc, TxView } from '../../cloudbase/db';

const str = (v: unknown): string | null => (v === null || v === undefined ? null : `${v as string | number}`);
const byKeys = <T>(...keys: Array<(x: T) => string | number>) => (a: T, b: T) => {
  for (const k of keys) {
    const x = k(a);
    const y = k(b);
    if (x < y) return -1;
    if (x > y) return 1;
  }
  return 0;
};

export const toNode = (d: StoredDoc): GridNode => ({
  id: d._id,
  kind: d.kind as GridNode['kind'],
  name: String(d.name),
  parentId: str(d.parentId),
  // Issue 19: set only when the admin gave a code or retired the node; older documents carry neither.
  ...(typeof d.code === 'string' ? { code: d.code } : {}),
  ...(typeof d.retiredAt === 'string' ? { retiredAt: d.retiredAt } : {}),
});
export const toOffice = (d: StoredDoc): Office => ({ id: d._id, townId: String(d.townId), code: String(d.code), name: String(d.name) });
export const toUser = (d: StoredDoc): UserRecord => ({ openid: d._id, name: String(d.name), phone: str(d.phone), createdAt: String(d.createdAt) });
const toCategory = (d: StoredDoc): Category & { sort: number } => ({
  townId: String(d.townId),
  code: String(d.code),
  name: String(d.name),
  kind: d.kind as Category['kind'],
  leadOfficeCode: str(d.leadOfficeCode),
  // Documents stored before issue 19 carry no overrides and are on.
  ackHours: d.ackHours === undefined || d.ackHours === null ? null : Number(d.ackHours),
  resolveDays: d.resolveDays === undefined || d.resolveDays === null ? null : Number(d.resolveDays),
  enabled: d.enabled !== false,
  sort: Number(d.sort),
});

export const nodeDoc = (n: GridNode): StoredDoc => ({ _id: n.id, kind: n.kind, name: n.name, parentId: n.parentId });
/** Geometry as a JSON string: the SDK would turn a stored GeoJSON object into its own Geo classes on read. */
export const boundaryDoc = (b: Boundary): StoredDoc => ({ _id: b.nodeId, geometry: JSON.stringify(b.geometry) });
/** One version of a year's lists: `_id` is `<year>-v<version>`, so a version is written once. */
export const calendarDoc = (y: CalendarYear): StoredDoc => ({ _id: `${y.year}-v${y.version}`, ...y });
const toCalendarYear = (d: StoredDoc): CalendarYear => ({
  year: Number(d.year),
  holidays: (d.holidays as unknown[]).map(String),
  makeupWorkdays: (d.makeupWorkdays as unknown[]).map(String),
  basis: String(d.basis),
  version: Number(d.version),
  source: d.source as CalendarYear['source'],
  savedAt: String(d.savedAt),
  savedBy: str(d.savedBy),
});
const staffDoc = (s: StaffMember): StoredDoc => ({ _id: s.openid, name: s.name, role: s.role, nodeId: s.nodeId, phone: s.phone });

/** Every node of the subtree under `rootId` (itself included). */
function subtree(nodes: GridNode[], rootId: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const n of nodes) if (n.parentId !== null) children.set(n.parentId, [...(children.get(n.parentId) ?? []), n.id]);
  const out = new Set<string>();
  const stack = [rootId];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (out.has(id)) continue;
    out.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}

/**
 * Directory documents: grid nodes, boundaries (`_id` node id), offices, categories (`_id` town/code), staff
 * and users (`_id` openid), pending roster entries (`_id` phone), and `meta/grid` with the grid version.
 * Imports read what they need first (queries cannot run in a transaction), then write in one transaction
 * that re-reads and updates `meta/grid`: a concurrent import conflicts on that document, and a moved
 * version makes the import write nothing.
 */
/** Boundaries per read: ≈50 outlines of a few hundred KB each stay far under the 16 MB response cap. */
export const BOUNDARIES_PER_REQUEST = 50;

export class CloudbaseDirectory implements DirectoryRepo {
  private readonly roster: CloudbaseRoster;
  private readonly apiClients: CloudbaseApiClients;
  private readonly gridAdmin: CloudbaseGridAdmin;
  constructor(private readonly cb: CloudbaseDb) {
    this.gridAdmin = new CloudbaseGridAdmin(cb);
    this.roster = new CloudbaseRoster(cb);
    this.apiClients = new CloudbaseApiClients(cb);
  }

  async gridVersion(): Promise<number> {
    const meta = await this.cb.getDoc('meta', 'grid');
    return meta ? Number(meta.version) : 0;
  }
  async listNodes(): Promise<GridNode[]> {
    return (await this.cb.readAll('grid_nodes')).map(toNode);
  }
  /**
   * Boundaries are the largest documents (a town's outline can be hundreds of KB of coordinates): read
   * `BOUNDARIES_PER_REQUEST` at a time, so no answer nears CloudBase's 16 MB response cap.
   */
  async listBoundaries(): Promise<Boundary[]> {
    return (await this.cb.readAll('grid_boundaries', {}, undefined, BOUNDARIES_PER_REQUEST))
      .map((d) => ({ nodeId: d._id, geometry: JSON.parse(String(d.geometry)) as Boundary['geometry'] }))
      .sort(byKeys((b) => b.nodeId));
  }

  /**
   * In the transaction: the grid version is still `expected`; writes `meta/grid` (first, so a concurrent
   * writer of it conflicts before anything else is written): the version bumped, or a count of the
   * boundary chunks or roster imports that only claims the document for this transaction.
   */
  private async holdVersion(tx: TxView, expected: number, how: 'bump' | 'claim' | 'count'): Promise<boolean> {
    const meta = await tx.get('meta', 'grid');
    if ((meta ? Number(meta.version) : 0) !== expected) return false;
    const _ = this.cb._;
    const field = how === 'bump' ? 'version' : how === 'claim' ? 'boundaryChunks' : 'rosterImports';
    if (meta) await tx.update('meta', 'grid', { [field]: _.inc(1) });
    else await tx.create('meta', { _id: 'grid', version: how === 'bump' ? 1 : 0, rosterImports: how === 'count' ? 1 : 0, boundaryChunks: how === 'claim' ? 1 : 0 });
    return true;
  }

  /**
   * Read at the expected version, then written in chunks of at most `TX_WRITES` writes, each in a
   * transaction that finds the version still `expected` and claims `meta/grid` (so chunks of two imports
   * never interleave unseen): first the boundaries of the scope (replaced or removed), then the new
   * nodes, and the version is bumped by the last chunk only — a reader of the grid version sees the new
   * grid whole or not at all. Every write is a `set` or a `remove` by id, so a run cut off between chunks
   * is finished by running the same plan again. An import that fits one transaction (the usual case) is
   * all or nothing; of two large imports at one version, the one whose last chunk commits first wins and
   * the other stops at its next chunk, answering false.
   */
  async applyBoundaryImport(plan: BoundaryImportPlan, expectedVersion: number): Promise<boolean> {
    if ((await this.gridVersion()) !== expectedVersion) return false;
    const nodes = await this.listNodes();
    const stored = (await this.cb.readAll('grid_boundaries', {}, { _id: true })).map((d) => d._id);
    const scope = subtree([...nodes, ...plan.newNodes], plan.scopeNodeId);
    const replaced = new Set(plan.boundaries.map((b) => b.nodeId));
    // Also dropped: boundaries of no node, which a run cut off before its node chunks left behind.
    const known = new Set([...nodes, ...plan.newNodes].map((n) => n.id));
    const writes: Array<(tx: TxView) => Promise<void>> = [
      ...stored.filter((id) => !replaced.has(id) && (scope.has(id) || !known.has(id))).map((id) => (tx: TxView) => tx.remove('grid_boundaries', id)),
      ...plan.boundaries.map((b) => (tx: TxView) => tx.set('grid_boundaries', boundaryDoc(b))),
      ...plan.newNodes.map((n) => (tx: TxView) => tx.set('grid_nodes', nodeDoc(n))),
    ];
    const chunks = chunkByWrites(writes, () => 1, 1);
    for (const [i, chunk] of chunks.entries()) {
      const last = i === chunks.length - 1;
      const held = await this.cb.transaction(async (tx) => {
        if (!(await this.holdVersion(tx, expectedVersion, last ? 'bump' : 'claim'))) return false;
        for (const write of chunk) await write(tx);
        return true;
      });
      if (!held) return false;
    }
    return true;
  }

  /**
   * Chunks of at most `TX_WRITES` writes (a staff document and its pending entry's removal, or a pending
   * entry), each in a transaction that finds the grid version still `expected` and counts itself on
   * `meta/grid`; every write is a `set` or `remove` by id, so running the same roster again finishes a
   * run cut off between chunks.
   */
  async applyRosterImport(plan: RosterImportPlan, expectedVersion: number): Promise<boolean> {
    const writes: Array<Array<(tx: TxView) => Promise<void>>> = [
      ...plan.staff.map((m) => [(tx: TxView) => tx.set('staff', staffDoc(m)), ...(m.phone === null ? [] : [(tx: TxView) => tx.remove('staff_pending', m.phone!)])]),
      ...plan.pending.map((p) => [(tx: TxView) => tx.set('staff_pending', { _id: p.phone, name: p.name, role: p.role, nodeId: p.nodeId })]),
    ];
    const chunks = chunkByWrites(writes, (w) => w.length, 1);
    for (const chunk of chunks.length === 0 ? [[]] : chunks) {
      const held = await this.cb.transaction(async (tx) => {
        if (!(await this.holdVersion(tx, expectedVersion, 'count'))) return false;
        for (const write of chunk.flat()) await write(tx);
        return true;
      });
      if (!held) return false;
    }
    return true;
  }

  async claimPendingStaff(openid: string, phone: string): Promise<StaffMember | null> {
    // A plain read first: nearly every caller has nothing pending and needs no transaction.
    if (!(await this.cb.getDoc('staff_pending', phone))) return null;
    return this.cb.transaction(async (tx) => {
      if (await tx.get('staff', openid)) return null;
      const p = await tx.get('staff_pending', phone);
      if (!p) return null;
      const member: StaffMember = { openid, name: String(p.name), role: p.role as StaffMember['role'], nodeId: String(p.nodeId), phone };
      await tx.set('staff', staffDoc(member));
      await tx.remove('staff_pending', phone);
      return member;
    });
  }

  async listOffices(): Promise<Office[]> {
    return (await this.cb.readAll('offices')).map(toOffice).sort(byKeys((o) => o.townId, (o) => o.id));
  }
  async listCategories(townId?: string): Promise<Category[]> {
    const docs = await this.cb.readAll('categories', townId === undefined ? {} : { townId });
    return docs
      .map(toCategory)
      .sort(byKeys((c) => c.townId, (c) => c.sort, (c) => c.code))
      .map(({ sort: _sort, ...c }) => c);
  }
  async findStaff(openid: string): Promise<StaffMember | null> {
    const d = await this.cb.getDoc('staff', openid);
    return d ? toStaff(d) : null;
  }
  async listStaff(): Promise<StaffMember[]> {
    return (await this.cb.readAll('staff')).map(toStaff).sort(byKeys((s) => s.nodeId, (s) => s.openid));
  }
  async listStaffAt(nodeIds: string[]): Promise<StaffMember[]> {
    if (nodeIds.length === 0) return [];
    return (await this.cb.readAll('staff', { nodeId: this.cb._.in(nodeIds) })).map(toStaff).sort(byKeys((s) => s.openid));
  }
  async findUser(openid: string): Promise<UserRecord | null> {
    const d = await this.cb.getDoc('users', openid);
    return d ? toUser(d) : null;
  }
  async findApiClient(keyHash: string): Promise<ApiClient | null> {
    return this.apiClients.find(keyHash);
  }
  /** Every version of every year (a few dozen small documents), the latest of each year kept. */
  async listCalendarYears(): Promise<CalendarYear[]> {
    const latest = new Map<number, CalendarYear>();
    for (const y of (await this.cb.readAll('calendar_years')).map(toCalendarYear)) {
      if ((latest.get(y.year)?.version ?? 0) < y.version) latest.set(y.year, y);
    }
    return [...latest.values()].sort(byKeys((y) => y.year));
  }

  /**
   * One transaction: the previous version exists (unless this is the first), this one does not, then
   * the version is created and `meta/grid` bumped. Two admins saving at once both create the same `_id`:
   * one commits, the other's retry finds it and writes nothing.
   */
  async saveCalendarYear(entry: CalendarYear): Promise<boolean> {
    return this.cb.transaction(async (tx) => {
      if (entry.version > 1 && !(await tx.get('calendar_years', `${entry.year}-v${entry.version - 1}`))) return false;
      if (await tx.get('calendar_years', `${entry.year}-v${entry.version}`)) return false;
      await tx.create('calendar_years', calendarDoc(entry));
      await this.bumpVersion(tx);
      return true;
    });
  }

  async seedCalendarYears(years: CalendarYear[]): Promise<number[]> {
    return this.cb.transaction(async (tx) => {
      const added: number[] = [];
      for (const y of years) {
        if (await tx.get('calendar_years', `${y.year}-v1`)) continue;
        await tx.create('calendar_years', calendarDoc({ ...y, version: 1 }));
        added.push(y.year);
      }
      if (added.length > 0) await this.bumpVersion(tx);
      return added;
    });
  }

  private async bumpVersion(tx: TxView): Promise<void> {
    if (await tx.get('meta', 'grid')) await tx.update('meta', 'grid', { version: this.cb._.inc(1) });
    else await tx.create('meta', { _id: 'grid', version: 1, rosterImports: 0 });
  }

  // Admin (issue 19): the roster, in roster.ts.
  listPendingStaff(): Promise<PendingStaff[]> {
    return this.roster.listPending();
  }
  removeStaff(openid: string, departure: Omit<DepartedStaff, keyof StaffMember>): Promise<StaffMember | null> {
    return this.roster.remove(openid, departure);
  }
  removePendingStaff(phone: string): Promise<boolean> {
    return this.roster.removePending(phone);
  }
  listDepartedStaff(): Promise<DepartedStaff[]> {
    return this.roster.listDeparted();
  }
  // Admin (issue 19): Open311 clients, in api-clients.ts.
  async createApiClient(client: ApiClient, key: string, createdAt: string): Promise<boolean> {
    return this.apiClients.create(client, key, createdAt);
  }
  listApiClients(): Promise<ApiClientRecord[]> {
    return this.apiClients.list();
  }
  revokeApiClient(id: string, revokedAt: string): Promise<ApiClientRecord | null> {
    return this.apiClients.revoke(id, revokedAt);
  }
  // Admin (issue 19): the grid editor and the district's towns, in grid-admin.ts.
  saveNode(node: GridNode, expectedVersion: number, town?: { offices: Office[]; categories: Category[] }): Promise<boolean> {
    return this.gridAdmin.save(node, expectedVersion, town);
  }
  retireNode(id: string, retiredAt: string, expectedVersion: number): Promise<boolean> {
    return this.gridAdmin.retire(id, retiredAt, expectedVersion);
  }
  async findUsersByPhone(phone: string): Promise<UserRecord[]> {
    return (await this.cb.readAll('users', { phone })).map(toUser).sort((a, b) => (a.openid < b.openid ? -1 : 1));
  }
  /** The town's sort order is read first (a query); the transaction writes the category and bumps `meta/grid`. */
  async saveCategory(category: Category): Promise<void> {
    const sorts = (await this.cb.readAll('categories', { townId: category.townId }, { sort: true })).map((d) => Number(d.sort));
    const next = sorts.length === 0 ? 0 : Math.max(...sorts) + 1;
    const { townId, code, name, kind, leadOfficeCode, ackHours, resolveDays, enabled } = category;
    await this.cb.transaction(async (tx) => {
      const id = `${townId}/${code}`;
      const fields = { townId, code, name, kind, leadOfficeCode, ackHours, resolveDays, enabled };
      if (await tx.get('categories', id)) await tx.update('categories', id, fields);
      else await tx.create('categories', { _id: id, ...fields, sort: next });
      await this.bumpVersion(tx);
    });
  }

  async ensureUser(user: UserRecord, hint?: { absent: boolean }): Promise<UserRecord> {
    const { doc } = await this.cb.createOnce('users', { _id: user.openid, name: user.name, phone: user.phone, createdAt: user.createdAt }, hint?.absent === true);
    return toUser(doc);
  }
}
