/**
 * The public board (公开栏): resolved concerns of a village with personal data removed, open ones nearby
 * that a resident can "+1" instead of filing the same problem again, and quick reply templates (town
 * settings). Only towns whose setting turns the board on show anything; photos are never shown here.
 */
import type { ConcernCtx as Ctx } from '../concerns/concern-ctx';
import { categoriesOf, type DirectorySnapshot } from '../directory/directory';
import { isPublicConcern } from '../trust/content';
import { AppError } from '../errors';
import { toWgs84 } from '../directory/geo';
import { isOpen } from '../concerns/lifecycle';
import type { Concern, LatLng } from '../model';
import type { BoardRepo } from '../ports';
import type { ParsedInputOf } from '../schemas';
import { scrubPersonal } from '../trust/scrub';
import type { PublicConcern } from '../views';

/** How far away an open concern of the same category still counts as "the same problem nearby". */
export const SIMILAR_NEAR_METERS = 300;
const BOARD_PAGE = 30;

/** Great-circle distance in metres. */
export function metersBetween(a: LatLng, b: LatLng): number {
  const r = 6_371_000;
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * r * Math.asin(Math.min(1, Math.sqrt(h)));
}

async function publicTowns(board: BoardRepo, townIds: string[]): Promise<string[]> {
  const on = await Promise.all(townIds.map(async (t) => ((await board.settings(t)).publicBoard ? t : null)));
  return on.filter((t): t is string => t !== null);
}

/** Public cards: no reporter, no photos, no location; text scrubbed of phones and names. */
async function cards(ctx: Ctx, snap: DirectorySnapshot, board: BoardRepo, cs: Concern[]): Promise<PublicConcern[]> {
  if (cs.length === 0) return [];
  const { store } = ctx.deps;
  const cats = categoriesOf(snap);
  const [staff, plus] = await Promise.all([store.directory.listStaff(), board.plusOnes(cs.map((c) => c.id), ctx.caller.openid)]);
  const staffNames = staff.map((s) => s.name);
  return Promise.all(
    cs.map(async (c) => {
      const [reporter, thread, timeline] = await Promise.all([store.directory.findUser(c.reporterOpenid), store.concerns.thread(c.id), store.concerns.timeline(c.id)]);
      const names = [...staffNames, ...(reporter ? [reporter.name] : []), ...thread.map((m) => m.authorName)];
      const handlerReplies = thread.filter((m) => m.authorRole !== 'resident' && m.moderation === 'published');
      const resolvedAt = [...timeline].reverse().find((e) => e.toStatus === 'resolved')?.at ?? null;
      const p = plus.get(c.id);
      return {
        id: c.id,
        category: c.category,
        categoryName: cats.find((k) => k.townId === c.route.townId && k.code === c.category)?.name ?? c.category,
        placeName: snap.grid.placeName(c.placeId),
        status: c.status,
        open: isOpen(c.status),
        createdAt: c.createdAt,
        resolvedAt: isOpen(c.status) ? null : resolvedAt,
        description: scrubPersonal(c.description, names),
        finalReply: handlerReplies.length > 0 ? scrubPersonal(handlerReplies[handlerReplies.length - 1].text, names) : null,
        plusOnes: p?.count ?? 0,
        plusOned: p?.mine ?? false,
        mine: c.reporterOpenid === ctx.caller.openid,
      };
    }),
  );
}

/** Towns and village a picked place belongs to. */
function scopeOf(snap: DirectorySnapshot, placeId: string | undefined): { townIds: string[]; villageId: string | null } {
  if (placeId === undefined) return { townIds: snap.grid.all().filter((n) => n.kind === 'town').map((n) => n.id), villageId: null };
  const node = snap.grid.get(placeId);
  if (!node) throw new AppError('GRID.PLACE_NOT_FOUND', `unknown place ${placeId}`);
  const p = snap.grid.placement(node.id);
  if (node.kind === 'district') return { townIds: snap.grid.children(node.id).map((t) => t.id), villageId: null };
  if (!p.town) throw new AppError('GRID.PLACE_NOT_FOUND', `place ${placeId} is not inside a town`);
  return { townIds: [p.town.id], villageId: p.village?.id ?? null };
}

export async function list(ctx: Ctx, input: ParsedInputOf<'board/list'>): Promise<{ enabled: boolean; items: PublicConcern[] }> {
  const { board } = ctx.deps.store;
  const snap = await ctx.directory.current();
  const scope = scopeOf(snap, input.placeId);
  const towns = await publicTowns(board, scope.townIds);
  if (towns.length === 0) return { enabled: false, items: [] };
  const items = await board.listResolved(towns, scope.villageId, input.limit ?? BOARD_PAGE);
  return { enabled: true, items: await cards(ctx, snap, board, items) };
}

/** One public card (e.g. opened from a shared link); only public concerns of towns with the board on. */
/** Whether the concern is on its town's public board: the same rule as the board's store queries (a held description or a 举报 is no public concern). */
export async function onPublicBoard(ctx: Ctx, c: Concern): Promise<boolean> {
  const { board } = ctx.deps.store;
  const category = (await ctx.deps.store.directory.listCategories(c.route.townId)).find((k) => k.code === c.category);
  return isPublicConcern(c, category) && (await board.settings(c.route.townId)).publicBoard;
}

export async function get(ctx: Ctx, input: ParsedInputOf<'board/get'>): Promise<PublicConcern> {
  const { board } = ctx.deps.store;
  const c = await ctx.deps.store.concerns.get(input.id);
  if (!c || !(await onPublicBoard(ctx, c))) throw new AppError('CONCERN.NOT_FOUND', `no public concern ${input.id}`);
  const [card] = await cards(ctx, await ctx.directory.current(), board, [c]);
  return card;
}

/** Open concerns of the same category nearby: same village or grid, or within SIMILAR_NEAR_METERS of the point. */
export async function similar(ctx: Ctx, input: ParsedInputOf<'concern/similar'>): Promise<{ items: PublicConcern[] }> {
  const { board } = ctx.deps.store;
  const snap = await ctx.directory.current();
  const location = input.location ? toWgs84(input.location, input.coord) : null;
  const located = location ? snap.where.locate(location) : null;
  const place = input.placeId ? snap.grid.get(input.placeId) : undefined;
  if (input.placeId && !place) throw new AppError('GRID.PLACE_NOT_FOUND', `unknown place ${input.placeId}`);
  const placed = place ? snap.grid.placement(place.id) : null;
  const gridPlaced = located?.gridId ? snap.grid.placement(located.gridId) : null;
  const townId = gridPlaced?.town?.id ?? placed?.town?.id ?? located?.townId ?? null;
  if (townId === null || !(await board.settings(townId)).publicBoard) return { items: [] };
  const dLat = SIMILAR_NEAR_METERS / 111_320;
  const dLng = location ? SIMILAR_NEAR_METERS / (111_320 * Math.max(0.1, Math.cos((location.lat * Math.PI) / 180))) : 0;
  const found = await board.similarOpen({
    townId,
    category: input.category,
    villageId: gridPlaced?.village?.id ?? placed?.village?.id ?? null,
    gridId: located?.gridId ?? null,
    box: location ? { minLat: location.lat - dLat, maxLat: location.lat + dLat, minLng: location.lng - dLng, maxLng: location.lng + dLng } : null,
    limit: 20,
  });
  const near = found.filter((c) => {
    const sameArea = (c.route.villageId !== null && c.route.villageId === (gridPlaced?.village?.id ?? placed?.village?.id)) || (c.route.gridId !== null && c.route.gridId === located?.gridId);
    return sameArea || (location !== null && c.location !== null && metersBetween(location, c.location) <= SIMILAR_NEAR_METERS);
  });
  return { items: await cards(ctx, snap, board, near.slice(0, 5)) };
}

/** "+1": the same problem matters to me too. Once per person; only open concerns of towns with the board on. */
export async function plusOne(ctx: Ctx, input: ParsedInputOf<'concern/plusOne'>): Promise<{ id: string; plusOnes: number; plusOned: true }> {
  const { board } = ctx.deps.store;
  const c = await ctx.deps.store.concerns.get(input.id);
  if (!c || !(await board.settings(c.route.townId)).publicBoard) throw new AppError('CONCERN.NOT_FOUND', `no public concern ${input.id}`);
  if (!isOpen(c.status)) throw new AppError('CONCERN.ILLEGAL_TRANSITION', `concern ${c.id} is no longer open`);
  if (c.reporterOpenid === ctx.caller.openid) throw new AppError('CONCERN.OWN_CONCERN', `${ctx.caller.openid} reported concern ${c.id}`);
  await board.plusOne(c.id, ctx.caller.openid, ctx.deps.now().toISOString());
  const count = (await board.plusOnes([c.id], ctx.caller.openid)).get(c.id)?.count ?? 1;
  return { id: c.id, plusOnes: count, plusOned: true };
}

/** Quick reply templates of the caller's town (staff), per category. */
export async function replyTemplates(ctx: Ctx, input: ParsedInputOf<'town/replyTemplates'>): Promise<{ townId: string; templates: Record<string, string[]> }> {
  const townId = await callerTown(ctx, input.townId);
  return { townId, templates: (await ctx.deps.store.board.settings(townId)).replyTemplates };
}

/** The town admin sets the templates of one category (an empty list removes them). */
export async function setReplyTemplates(ctx: Ctx, input: ParsedInputOf<'town/setReplyTemplates'>): Promise<{ townId: string; templates: Record<string, string[]> }> {
  const townId = await callerTown(ctx, input.townId);
  const { board } = ctx.deps.store;
  const cats = await ctx.deps.store.directory.listCategories(townId);
  if (!cats.some((c) => c.code === input.category)) throw new AppError('CATEGORY.UNKNOWN', `category ${input.category} is not configured for ${townId}`);
  const templates = { ...(await board.settings(townId)).replyTemplates };
  if (input.templates.length === 0) delete templates[input.category];
  else templates[input.category] = input.templates;
  await board.saveReplyTemplates(townId, templates);
  return { townId, templates };
}

/** The town the caller works in; a district admin names one with `townId`. */
async function callerTown(ctx: Ctx, wanted: string | undefined): Promise<string> {
  const snap = await ctx.directory.current();
  const nodeId = ctx.caller.nodeId;
  if (nodeId === null) throw new AppError('AUTH.FORBIDDEN', 'no town for this caller');
  const office = snap.officeById.get(nodeId);
  const node = snap.grid.get(nodeId);
  let town: string | null = office ? office.townId : node ? (snap.grid.placement(node.id).town?.id ?? null) : null;
  if (node?.kind === 'district') {
    const t = wanted ? snap.grid.get(wanted) : undefined;
    town = t && t.kind === 'town' && t.parentId === node.id ? t.id : null;
  } else if (wanted !== undefined && wanted !== town) town = null;
  if (town === null) throw new AppError('AUTH.FORBIDDEN', 'not a town of this caller');
  return town;
}
