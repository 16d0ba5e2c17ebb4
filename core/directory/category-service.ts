/**
 * A town's categories as its admin keeps them (issue 19): name, kind (咨询/求助/建议/投诉/举报), lead office,
 * SLA overrides (acknowledge hours, resolve working days) and on/off. A town admin edits their own town's;
 * a district admin names the town. Each save bumps the directory version, so the next concern anywhere
 * (every warm container included) is clocked with it.
 */
import type { ConcernCtx as Ctx } from '../concerns/concern-ctx';
import { categoriesOf, categoryKey, type DirectorySnapshot } from './directory';
import { AppError } from '../errors';
import type { Category } from '../model';
import type { ParsedInputOf } from '../schemas';
import { adminTownFor } from '../scope';
import type { SlaPolicy } from '../concerns/sla';

/** `category/list`; `offices` only for an admin asking for `all` of a named town. */
export interface CategoryListView {
  items: Category[];
  offices?: Array<{ code: string; name: string; id: string }>;
}

/** The SLA overrides the towns' admins stored with their categories, keyed as SlaConfig.byCategory. */
export function categoryOverrides(snap: DirectorySnapshot): Record<string, Partial<SlaPolicy>> {
  const out: Record<string, Partial<SlaPolicy>> = {};
  for (const c of snap.categoryByKey.values()) {
    const p: Partial<SlaPolicy> = {};
    if (c.ackHours !== null) p.acknowledgeHours = c.ackHours;
    if (c.resolveDays !== null) p.resolveDays = c.resolveDays;
    if (Object.keys(p).length > 0) out[categoryKey(c.townId, c.code)] = p;
  }
  return out;
}

/** The town whose categories the caller edits: their own, or (a district admin) the one they name. */
const townFor = (snap: DirectorySnapshot, ctx: Ctx, townId: string | undefined): string => adminTownFor(snap, ctx.caller, townId, 'CATEGORY.INVALID');

export async function save(ctx: Ctx, input: ParsedInputOf<'category/save'>): Promise<{ items: Category[] }> {
  const snap = await ctx.directory.current();
  const townId = townFor(snap, ctx, input.townId);
  const lead = input.leadOfficeCode;
  if (lead !== null && !snap.offices.some((o) => o.townId === townId && o.code === lead)) {
    throw new AppError('CATEGORY.INVALID', `the town has no office ${lead}`, [{ path: 'leadOfficeCode', message: '本镇没有这个职能办' }]);
  }
  const category: Category = {
    townId,
    code: input.code,
    name: input.name,
    kind: input.kind,
    leadOfficeCode: lead,
    ackHours: input.ackHours,
    resolveDays: input.resolveDays,
    enabled: input.enabled,
  };
  await ctx.deps.store.directory.saveCategory(category);
  return { items: categoriesOf(await ctx.directory.current(), townId) };
}

/**
 * `category/list`: a town's categories in use; an admin asking for `all` sees those turned off too, and
 * (naming the town) the town's offices, for the lead office picker.
 */
export async function list(ctx: Ctx, input: ParsedInputOf<'category/list'>): Promise<CategoryListView> {
  const items = await ctx.deps.store.directory.listCategories(input.townId);
  if (!(input.all === true && ctx.caller.role === 'admin')) return { items: items.filter((c) => c.enabled) };
  if (input.townId === undefined) return { items };
  const snap = await ctx.directory.current();
  const offices = snap.offices.filter((o) => o.townId === input.townId).map((o) => ({ code: o.code, name: o.name, id: o.id }));
  return { items, offices };
}
