/**
 * The grid editor and the district's towns (issue 19) on CloudBase. Each write is one transaction that
 * first finds `meta/grid` still at the expected version and bumps it (so a concurrent grid writer
 * conflicts on that document before anything else is written), then writes the node — and for a new town
 * its offices and categories (≤ 15 writes, far under TX_WRITES). CloudbaseDirectory delegates here.
 */
import type { Category, GridNode, Office } from '../../../core/model';
import type { CloudbaseDb, TxView } from '../../cloudbase/db';

export class CloudbaseGridAdmin {
  constructor(private readonly cb: CloudbaseDb) {}

  /** In the transaction: the version is still `expected`, then bumped. */
  private async bump(tx: TxView, expected: number): Promise<boolean> {
    const meta = await tx.get('meta', 'grid');
    if ((meta ? Number(meta.version) : 0) !== expected) return false;
    if (meta) await tx.update('meta', 'grid', { version: this.cb._.inc(1) });
    else await tx.create('meta', { _id: 'grid', version: 1, rosterImports: 0 });
    return true;
  }

  async save(node: GridNode, expectedVersion: number, town?: { offices: Office[]; categories: Category[] }): Promise<boolean> {
    return this.cb.transaction(async (tx) => {
      const stored = await tx.get('grid_nodes', node.id);
      if (stored && stored.retiredAt !== undefined && stored.retiredAt !== null) return false;
      if (!(await this.bump(tx, expectedVersion))) return false;
      if (stored) {
        await tx.update('grid_nodes', node.id, { name: node.name, code: node.code ?? null });
        return true;
      }
      await tx.create('grid_nodes', { _id: node.id, kind: node.kind, name: node.name, parentId: node.parentId, code: node.code ?? null });
      for (const o of town?.offices ?? []) await tx.create('offices', { _id: o.id, townId: o.townId, code: o.code, name: o.name });
      for (const [sort, c] of (town?.categories ?? []).entries()) {
        const { townId, code, name, kind, leadOfficeCode, ackHours, resolveDays, enabled } = c;
        await tx.create('categories', { _id: `${townId}/${code}`, townId, code, name, kind, leadOfficeCode, ackHours, resolveDays, enabled, sort });
      }
      return true;
    });
  }

  async retire(id: string, retiredAt: string, expectedVersion: number): Promise<boolean> {
    return this.cb.transaction(async (tx) => {
      const stored = await tx.get('grid_nodes', id);
      if (!stored || (stored.retiredAt !== undefined && stored.retiredAt !== null)) return false;
      if (!(await this.bump(tx, expectedVersion))) return false;
      await tx.update('grid_nodes', id, { retiredAt });
      return true;
    });
  }
}
