/**
 * Open311 service requests: `POST requests` (a client system reports a concern, routed and clocked exactly as
 * an in-app report), `GET requests` and `GET requests/{id}` — with a key, the client's own or scope view;
 * without one, the public view of towns that publish their board.
 */
import { planSubmission, type Submission } from '../concerns/concern-intake';
import { isPublicConcern, releasedText } from '../trust/content';
import { categoriesOf, type DirectorySnapshot } from '../directory/directory';
import { AppError } from '../errors';
import { OPEN_STATUSES } from '../concerns/lifecycle';
import { scrubPersonal } from '../trust/scrub';
import { TEXT_PROBLEM_MESSAGE, textProblem } from '../text';
import { submitPhotoChecks } from '../concerns/photos';
import { mediaUrls, photoParts, storePhotoParts } from './open311-photos';
import { isRelayedSource, type ApiClient, type Caller, type Category, type Concern } from '../model';
import type { ConcernSearch, Deps, LatestReply, RouteNode } from '../ports';
import { CLOSED_STATES, clientOf, fail, ID_RE, jurisdiction, list, OPEN311_LIMITS, open311Openid, open311Status, readTowns, span, spend, w3c, type Open311Env, type Open311HttpRequest, type Params } from './open311-common';

/** The requestId under which a 12345 ticket is stored: one concern per ticket per client system. */
export function ticketRequestId(ticket: string): string {
  return `t-${ticket}`;
}

export const TICKET_RE = /^[A-Za-z0-9-]{1,40}$/;

/** The most specific node of the town whose name the address names (longest name wins), else the town. */
export function placeFromAddress(snap: DirectorySnapshot, townId: string, address: string): string {
  let best: { id: string; len: number } | null = null;
  for (const n of snap.grid.all()) {
    if (n.kind === 'town' || n.kind === 'district' || n.kind === 'grid') continue;
    if (!snap.grid.isWithin(n.id, townId) || !address.includes(n.name)) continue;
    if (!best || n.name.length > best.len) best = { id: n.id, len: n.name.length };
  }
  return best?.id ?? townId;
}

/** The client system as a resident (created on first use), so that resident-facing views and checks work. */
export async function pseudoResident(env: { deps: Deps }, client: Pick<ApiClient, 'id' | 'name'>): Promise<Caller> {
  const openid = open311Openid(client.id);
  const user = await env.deps.store.directory.ensureUser({ openid, name: client.name, phone: null, createdAt: env.deps.now().toISOString() });
  return { openid, name: user.name, role: 'resident', nodeId: null };
}

const number = (v: string | undefined, name: string, min: number, max: number): number | undefined => {
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  if (!/^-?\d+(\.\d+)?$/.test(v.trim()) || !Number.isFinite(n) || n < min || n > max) return fail(400, `${name} must be a number from ${min} to ${max}`);
  return n;
};

/** A text field: trimmed, at most `max` characters, no invisible or control characters. */
export function textField(v: string | undefined, name: string, max: number): string {
  const t = (v ?? '').trim();
  if ([...t].length > max) fail(400, `${name} must be at most ${max} characters`);
  const problem = textProblem(t);
  if (problem) fail(400, `${name} ${TEXT_PROBLEM_MESSAGE[problem]}`);
  return t;
}

/** Codes of our errors that mean "bad request" to the sender. */
const BAD_REQUEST = new Set(['VALIDATION.FAILED', 'GRID.PLACE_NOT_FOUND', 'GRID.PLACE_REQUIRED', 'GRID.OUTSIDE_AREA', 'CATEGORY.UNKNOWN']);

/** `address_id` names a place of the town (village, cooperative or grid) by its node id. */
function addressPlace(snap: DirectorySnapshot, townId: string, id: string): string {
  const n = snap.grid.get(id);
  if (!n || n.kind === 'town' || n.kind === 'district' || !snap.grid.isWithin(n.id, townId)) return fail(400, `address_id ${id} is not a place of ${townId}`);
  return n.id;
}

export async function postRequest(env: Open311Env, req: Open311HttpRequest, { one: p, all }: Params) {
  const client = (await clientOf(env, req, p, true))!;
  await spend(env, client, req, true);
  const snap = await env.directory.current();
  const townId = jurisdiction(snap, p, client);
  const code = p.service_code;
  if (!code) fail(400, 'service_code is required');
  const cats = categoriesOf(snap, townId);
  if (!cats.some((c) => c.code === code)) fail(404, `service_code ${code} not found in ${townId}`);

  const description = textField(p.description, 'description', OPEN311_LIMITS.descriptionMax);
  if (description === '') fail(400, 'description is required');
  const lat = number(p.lat, 'lat', -90, 90);
  const lng = number(p.long, 'long', -180, 180);
  if ((lat === undefined) !== (lng === undefined)) fail(400, 'lat and long go together');
  const address = textField(p.address_string, 'address_string', OPEN311_LIMITS.addressMax);
  const addressId = (p.address_id ?? '').trim();
  const picked = addressId === '' ? null : addressPlace(snap, townId, addressId);
  if (lat === undefined && address === '' && picked === null) fail(400, 'lat/long, address_string or address_id is required');
  const media = all('media_url')
    .map((m) => m.trim())
    .filter((m) => m !== '');
  if (media.length > OPEN311_LIMITS.mediaUrls) fail(400, `at most ${OPEN311_LIMITS.mediaUrls} media_url`);
  if (media.some((m) => m.length > OPEN311_LIMITS.mediaUrlMax || !/^https?:\/\/[^\s"<>]+$/i.test(m))) fail(400, 'media_url must be an http(s) URL');
  const ticket = (p['attribute[ticket_no]'] ?? '').trim();
  if (ticket !== '' && !TICKET_RE.test(ticket)) fail(400, 'attribute[ticket_no] must be 1–40 letters, digits or -');
  const parts = photoParts(env, req.files ?? [], media.length);
  // email, first_name, last_name, phone, device_id and account_id are accepted and never stored:
  // the reporter of a posted request is the client system.

  const input: Submission = { category: code, description, photos: media };
  if (ticket) input.requestId = ticketRequestId(ticket);
  const byAddress = () => picked ?? placeFromAddress(snap, townId, address);
  if (lat !== undefined && lng !== undefined) {
    input.location = { lat, lng };
    const located = snap.where.locate(input.location);
    if (located.townId !== null && located.townId !== townId) fail(400, `lat/long lies in ${located.townId}, not in jurisdiction ${townId}`);
    // A point no boundary holds (where towns have none) goes by the address, else to the town's queue.
    if (located.townId === null && !snap.where.townsCovered) input.placeId = picked !== null || address ? byAddress() : townId;
  } else {
    input.placeId = byAddress();
  }

  const caller = await pseudoResident(env, client);
  const ctx = { deps: env.deps, directory: env.directory, caller };
  // A ticket sent again is answered with its concern: its photos are not stored a second time.
  const resent = input.requestId !== undefined && parts.length > 0 && (await env.deps.store.concerns.byRequests(caller.openid, [input.requestId])).length > 0;
  const files = resent ? [] : await storePhotoParts(env.deps, caller.openid, parts);
  let kept = false;
  try {
    input.photos = [...media, ...files];
    const plan = await planSubmission(ctx, snap, input, { source: client.source, note: address ? `地址：${address}` : null });
    // Photo files are checked like the app's: a check per file is recorded before the concern is stored.
    await submitPhotoChecks(env.deps, caller, files, { concernId: plan.concern.id, townId: plan.concern.route.townId });
    // A ticket is unique per source and town: a number another town took is answered by the store with that
    // town's concern and nothing written; it is refused here, never handed to this client.
    const { concern, created } = await env.deps.store.concerns.create(plan.concern, plan.events, plan.notifications);
    kept = created;
    if (!created && concern.route.townId !== townId) fail(409, `ticket ${ticket} is another jurisdiction's`);
    return [{ service_request_id: concern.id, service_notice: '', account_id: null }];
  } catch (e) {
    if (e instanceof AppError && BAD_REQUEST.has(e.code)) fail(400, e.message);
    throw e;
  } finally {
    // Files of a request that was refused, or not stored (its ticket came in meanwhile), are nobody's photos.
    if (!kept && files.length > 0) await env.deps.photos!.delete(files);
  }
}

/** Who reads: a client system (its own requests or its towns') or the public. */
export type Reader = { client: ApiClient } | { client: null };

export function scopeOf(reader: Reader, townIds: string[]): Pick<ConcernSearch, 'nodes' | 'reporterOpenid'> {
  const nodes = townIds.map((id): RouteNode => ({ level: 'town', id }));
  return reader.client?.reads === 'own' ? { reporterOpenid: open311Openid(reader.client.id), nodes } : { nodes };
}

/** The towns a public read may show: those whose board is public (town setting). */
export async function publicTowns(env: Open311Env, townIds: string[]): Promise<string[]> {
  const board = env.deps.store.board;
  if (!board) return [];
  const on = await Promise.all(townIds.map(async (t) => ((await board.settings(t)).publicBoard ? t : null)));
  return on.filter((t): t is string => t !== null);
}

/** What a reader may see of a concern: in its scope, and for the public only published text of a non-举报 category. */
export function visible(reader: Reader, c: Concern, cats: Category[], publicTownIds: string[] | null): boolean {
  if (reader.client) return reader.client.townIds.includes(c.route.townId) && (reader.client.reads === 'scope' || c.reporterOpenid === open311Openid(reader.client.id));
  return publicTownIds !== null && publicTownIds.includes(c.route.townId) && isPublicConcern(c, cats.find((k) => k.townId === c.route.townId && k.code === c.category));
}

export async function readerOf(env: Open311Env, req: Open311HttpRequest, p: Record<string, string>): Promise<Reader> {
  const client = await clientOf(env, req, p, false);
  await spend(env, client, req, false);
  return { client };
}

export async function listRequests(env: Open311Env, req: Open311HttpRequest, { one: p }: Params) {
  const reader = await readerOf(env, req, p);
  const snap = await env.directory.current();
  const asked = readTowns(snap, p, reader.client);
  const townIds = reader.client ? asked : await publicTowns(env, asked);
  const q: ConcernSearch = { ...scopeOf(reader, townIds), createdFrom: '0000', createdTo: '9999' };
  if (p.service_request_id) {
    // The spec: with service_request_id, the other filters are ignored.
    const ids = list(p.service_request_id);
    if (ids.length > OPEN311_LIMITS.maxResults || ids.some((i) => !ID_RE.test(i))) fail(400, 'service_request_id must be a comma-separated list of ids');
    q.ids = ids;
  } else {
    const { from, to } = span(env, p);
    q.createdFrom = new Date(from).toISOString();
    q.createdTo = new Date(to + 1).toISOString();
    if (p.status) {
      const wanted = list(p.status);
      if (wanted.length === 0 || wanted.some((s) => s !== 'open' && s !== 'closed')) fail(400, 'status must be open, closed or both');
      q.statuses = [...(wanted.includes('open') ? OPEN_STATUSES : []), ...(wanted.includes('closed') ? CLOSED_STATES : [])];
    }
    if (p.service_code) q.categories = list(p.service_code);
  }
  if (townIds.length === 0) return [];
  const cats = categoriesOf(snap);
  const found = (await env.deps.store.concerns.search(q, OPEN311_LIMITS.maxResults)).filter((c) => visible(reader, c, cats, townIds));
  return views(env, req, snap, reader, cats, found);
}

export async function getRequest(env: Open311Env, req: Open311HttpRequest, { one: p }: Params, id: string) {
  const reader = await readerOf(env, req, p);
  if (!ID_RE.test(id)) fail(404, `service request ${id} not found`);
  const snap = await env.directory.current();
  const c = await env.deps.store.concerns.get(id);
  const cats = categoriesOf(snap);
  const publicTownIds = reader.client || !c ? null : await publicTowns(env, [c.route.townId]);
  if (!c || !visible(reader, c, cats, publicTownIds)) return fail(404, `service request ${id} not found`);
  return views(env, req, snap, reader, cats, [c]);
}

/** The committee that handles the concern now: its cooperative, else village, else the town (派单). */
export function agencyOf(snap: DirectorySnapshot, c: Concern): string {
  const r = c.route;
  const id = r.cooperativeId ?? r.villageId ?? r.townId;
  const name = snap.grid.get(id)?.name ?? id;
  return id === r.townId && c.status === 'dispatching' ? `${name}（派单中）` : name;
}

/** The point rounded to ~100 m, so that no home is pinpointed. */
const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** Which text leaves: a request's description, or a handler's reply (status_notes, an update). */
export type TextKind = 'description' | 'reply';

/**
 * How user text leaves for this reader: held text never (callers pass released text only); handlers'
 * replies and in-app reports scrubbed of phones, ID numbers and names for every reader; the public gets
 * every text scrubbed, with the names of the staff and of the reporters too. A client's own ticket text
 * goes back to it as sent.
 */
export async function textFor(env: Open311Env, reader: Reader, cs: Concern[]): Promise<(c: Concern, text: string, kind: TextKind) => string> {
  if (reader.client) return (c, text, kind) => (kind === 'description' && isRelayedSource(c.source) ? text : scrubPersonal(text));
  const { directory } = env.deps.store;
  const reporters = [...new Set(cs.map((c) => c.reporterOpenid))];
  const [staff, users] = await Promise.all([directory.listStaff(), Promise.all(reporters.map((o) => directory.findUser(o)))]);
  const names = [...staff.map((s) => s.name), ...users.flatMap((u) => (u ? [u.name] : []))];
  return (_c, text) => scrubPersonal(text, names);
}

/** A client's own ticket (or, with a scope key, any client's) keeps its point and its media; an in-app report never. */
const exactFor = (reader: Reader, c: Concern) => reader.client !== null && isRelayedSource(c.source);

async function views(env: Open311Env, req: Open311HttpRequest, snap: DirectorySnapshot, reader: Reader, cats: Category[], cs: Concern[]) {
  // Residents' photos may show people: media leaves only to a client, never on the public view.
  const media = reader.client ? mediaUrls(env.deps, readerCaller(reader.client), cs.map((c) => (exactFor(reader, c) ? c.photos : [])), req.origin ?? null) : cs.map(() => null);
  const [replies, text, urls] = await Promise.all([env.deps.store.concerns.latestReplies(cs.map((c) => c.id)), textFor(env, reader, cs), media]);
  const catName = new Map(cats.map((c) => [`${c.townId}/${c.code}`, c.name]));
  return cs.map((c, i) => requestView(snap, reader, catName, text, c, replies.get(c.id) ?? null, urls[i]));
}

/** A client reading: its pseudo-resident, who sees its own held photos and nobody else's. */
const readerCaller = (client: ApiClient): Caller => ({ openid: open311Openid(client.id), name: client.name, role: 'resident', nodeId: null });

function requestView(snap: DirectorySnapshot, reader: Reader, catName: Map<string, string>, text: (c: Concern, t: string, kind: TextKind) => string, c: Concern, reply: LatestReply | null, media: string | null) {
  // A client's own ticket keeps its point; every other location is rounded.
  const exact = exactFor(reader, c);
  const loc = c.location ? (exact ? c.location : { lat: round3(c.location.lat), lng: round3(c.location.lng) }) : null;
  return {
    service_request_id: c.id,
    status: open311Status(c.status),
    status_notes: reply ? text(c, reply.text, 'reply') : null,
    service_name: catName.get(`${c.route.townId}/${c.category}`) ?? c.category,
    service_code: c.category,
    description: text(c, releasedText(c.description, c.moderation), 'description'),
    agency_responsible: agencyOf(snap, c),
    service_notice: null,
    requested_datetime: w3c(c.createdAt),
    updated_datetime: w3c(c.updatedAt),
    expected_datetime: c.sla.resolveDueAt ? w3c(c.sla.resolveDueAt) : null,
    // An address reads without separators: 丹灶镇西城社区大果经济社; address_id is the place's node id.
    address: snap.grid.placeName(c.placeId, ''),
    address_id: c.placeId,
    zipcode: null,
    lat: loc?.lat ?? null,
    long: loc?.lng ?? null,
    // The first photo a client may see (see `views`); display URLs for stored files, links as sent.
    media_url: media,
  };
}
