/**
 * 操作记录 as an admin reads it (issue 16, item 8): the town's audit log narrowed by person, action and
 * Beijing day on the store's indexes, each entry with what it acted on named for people — a concern by
 * its category (and case number, which opens it), an event or team as a link, a person by name — and the
 * people of the admin's towns to filter by. Never a bare id where a name can be given.
 */
import type { ConcernCtx as Ctx } from '../concerns/concern-ctx';
import { categoryKey, type DirectorySnapshot } from '../directory/directory';
import { AppError } from '../errors';
import type { AuditEntry } from '../model';
import type { AuditFilter } from '../ports';
import type { ParsedInputOf } from '../schemas';
import { adminTowns, townOfNode } from '../scope';
import type { AuditPage, AuditPersonView, AuditTargetView } from '../views';
import { beijingDayStart } from '../beijing';

const DAY_MS = 86_400_000;

/** The instants [from, to) of a Beijing calendar day (UTC+8, no daylight saving). */
export function beijingDayRange(day: string): { from: string; to: string } {
  const start = Date.parse(beijingDayStart(day));
  return { from: new Date(start).toISOString(), to: new Date(start + DAY_MS).toISOString() };
}

/** What kind of object an action's target id names, by the action's area. */
function targetKind(action: string): 'concern' | 'event' | 'team' | 'person' | 'year' | null {
  if (action === 'calendar/save') return 'year';
  if (action === 'concern/importHotline' || action === 'concern/startAction') return null;
  if (action.startsWith('concern/')) return 'concern';
  if (action.startsWith('event/')) return 'event';
  if (action.startsWith('team/')) return 'team';
  if (action.startsWith('roster/') || action.startsWith('staff/')) return 'person';
  return null;
}

export async function listAudit(ctx: Ctx, input: ParsedInputOf<'audit/list'>): Promise<AuditPage> {
  const snap = await ctx.directory.current();
  // A district admin reads every town's entries; a town admin, their own town's.
  const towns = adminTowns(snap, ctx.caller);
  if (towns !== null && towns.length === 0) throw new AppError('AUTH.FORBIDDEN', 'an admin without a town reads no audit log');
  const filter: AuditFilter = {
    ...(input.actor !== undefined ? { actorOpenid: input.actor } : {}),
    ...(input.action !== undefined ? { action: input.action } : {}),
    ...(input.day !== undefined ? beijingDayRange(input.day) : {}),
  };
  const { store } = ctx.deps;
  const page = await store.audit.list(towns, { cursor: input.cursor ?? null, limit: input.limit ?? 20 }, filter);
  const staff = (await store.directory.listStaff()).filter((m) => towns === null || towns.includes(townOfNode(snap, m.nodeId) ?? ''));
  const nameOf = new Map(staff.map((m) => [m.openid, m.name]));
  const concernIds = [...new Set(page.items.filter((e) => e.targetId !== null && targetKind(e.action) === 'concern').map((e) => e.targetId as string))];
  const concerns = new Map((await Promise.all(concernIds.map((id) => store.concerns.get(id)))).flatMap((c) => (c ? [[c.id, c] as const] : [])));
  const nodeName = (id: string | null) => (id === null ? null : snap.grid.get(id)?.name ?? snap.officeById.get(id)?.name ?? null);
  const target = (e: AuditEntry): AuditTargetView | null => {
    const id = e.targetId;
    if (id === null) return null;
    switch (targetKind(e.action)) {
      case 'concern': {
        const c = concerns.get(id);
        return c ? { kind: 'concern', id, categoryName: snap.categoryByKey.get(categoryKey(c.route.townId, c.category))?.name ?? c.category } : null;
      }
      case 'event':
      case 'team':
        return { kind: targetKind(e.action) as 'event' | 'team', id };
      case 'person': {
        const name = nameOf.get(id);
        return name ? { kind: 'person', name } : null;
      }
      case 'year':
        return /^\d{4}$/.test(id) ? { kind: 'year', year: Number(id) } : null;
      default:
        return null;
    }
  };
  const people: AuditPersonView[] = [...(await peopleOf(ctx, snap, towns, staff)).entries()].map(([openid, name]) => ({ openid, name })).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  return { ...page, items: page.items.map((e) => ({ ...e, nodeName: nodeName(e.nodeId), target: target(e) })), people };
}

/**
 * Whom 操作记录 can be filtered by: the towns' staff and the leaders of their volunteer teams (residents
 * who act too: events, attendance, hours), each once; a person who is both reads as staff.
 */
async function peopleOf(ctx: Ctx, snap: DirectorySnapshot, towns: readonly string[] | null, staff: ReadonlyArray<{ openid: string; name: string }>): Promise<Map<string, string>> {
  const { teams } = ctx.deps.store;
  const ours = (await teams.listTeams()).filter((t) => towns === null || towns.includes(townOfNode(snap, t.nodeId) ?? ''));
  const leaders = (await Promise.all(ours.map((t) => teams.leaders(t.id)))).flat();
  const out = new Map<string, string>();
  for (const l of leaders) out.set(l.openid, l.name);
  for (const m of staff) out.set(m.openid, m.name);
  return out;
}
