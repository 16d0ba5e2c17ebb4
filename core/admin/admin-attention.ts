/**
 * `admin/attention` (issue 19, item 7): what the admin home lists besides the calendar and held items —
 * places in the admin's scope whose staff were removed and where nobody serves now, with their open
 * concerns (at most ROSTER_OPEN_MAX counted each), so the admin adds a successor on the roster page.
 */
import type { ConcernCtx as Ctx } from '../concerns/concern-ctx';
import { routeNodesOf } from '../concerns/concern-inbox';
import { adminScope } from '../directory/grid-service';
import type { InboxScope } from '../ports';
import { ROSTER_OPEN_MAX } from '../directory/roster-service';
import { staffWithin } from '../directory/roster-import';

export interface UnstaffedPlace {
  nodeId: string;
  nodeName: string;
  /** Who served it last (the latest removal). */
  departedName: string;
  /** Its open concerns, up to ROSTER_OPEN_MAX (`more`: there are more). */
  openConcerns: number;
  more: boolean;
}

export interface AdminAttention {
  unstaffed: UnstaffedPlace[];
}

export async function attention(ctx: Ctx): Promise<AdminAttention> {
  const snap = await ctx.directory.current();
  const scope = adminScope(ctx, snap);
  const { directory, concerns } = ctx.deps.store;
  const departed = (await directory.listDepartedStaff()).filter((d) => staffWithin(snap.grid, snap.officeById, d, scope));
  // Newest removal first: the name shown is the latest person who served the place.
  const latest = new Map<string, (typeof departed)[number]>();
  for (const d of [...departed].sort((a, b) => b.removedAt.localeCompare(a.removedAt))) if (!latest.has(d.nodeId)) latest.set(d.nodeId, d);
  const places = [...latest.keys()].filter((id) => snap.grid.get(id)?.retiredAt === undefined);
  if (places.length === 0) return { unstaffed: [] };
  const serving = new Set((await directory.listStaffAt(places)).map((m) => m.nodeId));
  const unstaffed: UnstaffedPlace[] = [];
  for (const nodeId of places.filter((id) => !serving.has(id))) {
    const d = latest.get(nodeId)!;
    const inbox: InboxScope = d.role === 'office' ? { nodes: [], officeId: nodeId, openOnly: true } : { nodes: routeNodesOf(snap, nodeId), officeId: null, openOnly: true };
    const page = await concerns.inbox(inbox, { cursor: null, limit: ROSTER_OPEN_MAX });
    if (page.items.length === 0) continue;
    unstaffed.push({
      nodeId,
      nodeName: snap.grid.get(nodeId)?.name ?? snap.officeById.get(nodeId)?.name ?? nodeId,
      departedName: d.name,
      openConcerns: page.items.length,
      more: page.nextCursor !== null,
    });
  }
  return { unstaffed };
}
