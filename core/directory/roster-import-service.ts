/**
 * The roster file (issue 19, item 1): `roster/previewImport` checks a file and answers what it would
 * change, writing nothing; `roster/import` checks it again against the roster of that moment and applies
 * it. A file marked as the whole roster (`whole`, 完整名单) also takes off everyone in the admin's scope it
 * does not list: a person as roster/remove does (a departure record; their next call is a resident's), a
 * pending entry dropped. Any problem in the file: IMPORT.INVALID with every problem, and nothing changes.
 *
 * Resumable: the file's rows are applied first, then the removals one person at a time, each its own
 * transaction. A run cut off among them (a cloud function at its time limit) leaves the file applied and
 * some not yet removed; the same file again is checked against the roster of that moment, so its preview
 * shows exactly who is still to remove and its import finishes them (server/roster-import-flow.test.ts).
 */
import type { ConcernCtx as Ctx } from '../concerns/concern-ctx';
import type { DirectorySnapshot } from './directory';
import { AppError } from '../errors';
import { adminScope } from './grid-service';
import { diffRosterImport, type RosterChange, type RosterDiff } from './roster-import-diff';
import { planRosterImport, type RosterImportPlan } from './roster-import';
import type { ParsedInputOf } from '../schemas';
import type { RosterChangeView } from './roster-views';
import type { RosterImportView } from '../views';


const nameOf = (snap: DirectorySnapshot, nodeId: string) => snap.grid.get(nodeId)?.name ?? snap.officeById.get(nodeId)?.name ?? nodeId;

function named(snap: DirectorySnapshot, c: RosterChange): RosterChangeView {
  const { before, ...rest } = c;
  return { ...rest, nodeName: nameOf(snap, c.nodeId), ...(before ? { before: { ...before, nodeName: nameOf(snap, before.nodeId) } } : {}) };
}

async function check(ctx: Ctx, csv: string, whole: boolean): Promise<{ snap: DirectorySnapshot; plan: RosterImportPlan; diff: RosterDiff }> {
  const snap = await ctx.directory.current();
  const scope = adminScope(ctx, snap);
  const { directory } = ctx.deps.store;
  const [roster, pending] = await Promise.all([directory.listStaff(), directory.listPendingStaff()]);
  const checked = planRosterImport(snap.grid, snap.offices, roster, scope, csv);
  if (!checked.ok) throw new AppError('IMPORT.INVALID', `${checked.problems.length} problem(s) in the roster file`, checked.problems);
  return { snap, plan: checked.plan, diff: diffRosterImport(snap.grid, snap.offices, roster, pending, scope, ctx.caller.openid, checked.plan, whole) };
}

function viewOf(snap: DirectorySnapshot, plan: RosterImportPlan, diff: RosterDiff, whole: boolean): RosterImportView {
  return {
    staff: plan.staff.length,
    pending: plan.pending.length,
    whole,
    added: diff.added.map((c) => named(snap, c)),
    changed: diff.changed.map((c) => named(snap, c)),
    removed: diff.removed.map((c) => named(snap, c)),
  };
}

export async function previewImport(ctx: Ctx, input: ParsedInputOf<'roster/previewImport'>): Promise<RosterImportView> {
  const whole = input.whole ?? false;
  const { snap, plan, diff } = await check(ctx, input.csv, whole);
  return viewOf(snap, plan, diff, whole);
}

export async function importRoster(ctx: Ctx, input: ParsedInputOf<'roster/import'>): Promise<RosterImportView> {
  const whole = input.whole ?? false;
  const { snap, plan, diff } = await check(ctx, input.csv, whole);
  const { directory } = ctx.deps.store;
  if (!(await directory.applyRosterImport(plan, snap.version))) throw new AppError('IMPORT.CONFLICT', 'the grid changed while the import was checked');
  const removedAt = ctx.deps.now().toISOString();
  for (const openid of diff.removeStaff) await directory.removeStaff(openid, { id: ctx.deps.newId('sd'), removedAt, removedBy: ctx.caller.openid });
  for (const phone of diff.removePending) await directory.removePendingStaff(phone);
  return viewOf(snap, plan, diff, whole);
}
