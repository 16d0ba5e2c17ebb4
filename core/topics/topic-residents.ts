/**
 * 街坊议事: verified residents. A committee marks the residents of its place as verified (户籍 registered
 * here, 常住 living here) from the roster of those who stated that place, or on their request
 * (me/requestVerification); a topic that requires verified residents takes only their votes. The mark
 * belongs to the stated place: a resident who moves starts unverified, and a mark is set only while the
 * person's place is still the one the committee saw.
 */
import type { ConcernCtx as Ctx } from '../concerns/concern-ctx';
import type { DirectorySnapshot } from '../directory/directory';
import { AppError } from '../errors';
import type { Caller } from '../model';
import type { ParsedInputOf } from '../schemas';
import type { ResidentPlace } from './topic-model';
import { isCommittee, participatingPlaces, placeView } from './topic-access';
import type { PlaceView, ResidentRow } from './topic-views';

/** A committee's roster holds at most this many residents per place (a village, not a city). */
const ROSTER_MAX = 500;

function row(snap: DirectorySnapshot, p: ResidentPlace, name: string): ResidentRow {
  return {
    openid: p.openid,
    name,
    placeId: p.placeId,
    placeName: snap.grid.placeName(p.placeId),
    setAt: p.setAt,
    verified: p.verified?.kind ?? null,
    verifiedAt: p.verified?.at ?? null,
    verifiedByName: p.verified?.byName ?? null,
    verifyRequestedAt: p.verifyRequestedAt ?? null,
  };
}

function checkCommittee(snap: DirectorySnapshot, caller: Caller, placeId: string): void {
  const node = snap.grid.get(placeId);
  if (!node || (node.kind !== 'village' && node.kind !== 'cooperative')) throw new AppError('GRID.PLACE_NOT_FOUND', `${placeId} is not a village or cooperative`);
  if (!isCommittee(snap, caller, placeId)) throw new AppError('TOPIC.NOT_COMMITTEE', `the caller does not run topics of ${placeId}`);
}

/**
 * `resident/list`: the residents who stated the place (a village's and its cooperatives'), those asking to
 * be verified first, then by name; `query` keeps those whose name or place contains it.
 */
export async function listResidents(ctx: Ctx, input: ParsedInputOf<'resident/list'>): Promise<{ items: ResidentRow[] }> {
  const snap = await ctx.directory.current();
  checkCommittee(snap, ctx.caller, input.placeId);
  const places = await ctx.deps.store.topics.listResidents(participatingPlaces(snap, input.placeId), ROSTER_MAX);
  const users = await Promise.all(places.map((p) => ctx.deps.store.directory.findUser(p.openid)));
  const q = input.query?.trim() ?? '';
  const items = places
    .map((p, i) => row(snap, p, users[i]?.name ?? ''))
    .filter((r) => q === '' || r.name.includes(q) || r.placeName.includes(q))
    .sort((a, b) => Number(b.verifyRequestedAt !== null) - Number(a.verifyRequestedAt !== null) || a.name.localeCompare(b.name, 'zh-CN') || (a.openid < b.openid ? -1 : 1));
  return { items };
}

/** `resident/verify`: the committee of the person's stated place marks them 户籍 or 常住, or takes the mark away (`none`). */
export async function verify(ctx: Ctx, input: ParsedInputOf<'resident/verify'>): Promise<ResidentRow> {
  const snap = await ctx.directory.current();
  const { topics } = ctx.deps.store;
  const place = await topics.getPlace(input.openid);
  // Not telling another committee whether (or where) the person stated a place.
  if (!place || !snap.grid.get(place.placeId) || !isCommittee(snap, ctx.caller, place.placeId)) {
    throw new AppError('TOPIC.RESIDENT_NOT_FOUND', `${input.openid} is no resident of the caller's places`);
  }
  const verified = input.kind === 'none' ? null : { kind: input.kind, at: ctx.deps.now().toISOString(), byName: ctx.caller.name };
  if (!(await topics.setVerification(place.openid, place.placeId, verified))) throw new AppError('TOPIC.CONFLICT', `${input.openid} changed their place meanwhile`);
  const [stored, user] = await Promise.all([topics.getPlace(input.openid), ctx.deps.store.directory.findUser(input.openid)]);
  return row(snap, stored ?? { ...place, verified, verifyRequestedAt: null }, user?.name ?? '');
}

/** `me/requestVerification`: the resident asks their committee to verify them; asking again changes nothing. */
export async function requestVerification(ctx: Ctx): Promise<PlaceView> {
  const snap = await ctx.directory.current();
  const { topics } = ctx.deps.store;
  const place = await topics.getPlace(ctx.caller.openid);
  if (!place || !snap.grid.get(place.placeId)) throw new AppError('TOPIC.NO_PLACE', 'state your village or cooperative first');
  if (place.verified || place.verifyRequestedAt) return placeView(snap, place);
  const at = ctx.deps.now().toISOString();
  if (!(await topics.requestVerification(place.openid, place.placeId, at))) throw new AppError('TOPIC.CONFLICT', 'the place changed meanwhile');
  return placeView(snap, { ...place, verifyRequestedAt: at });
}
