/**
 * mySociety's `servicerequestupdates` extension of GeoReport v2, as FixMyStreet and 12345 platforms use it
 * to sync without polling every id:
 * - `GET servicerequestupdates` (`start_date`/`end_date`, at most 90 days; `api_key` optional): one
 *   `request_update` per status change and per published handler reply in the window, oldest first, over
 *   the reader's requests (a key's own or scope view, else the public view), text as its views give it.
 * - `POST servicerequestupdates` (key required): the client's comment on a request it posted, added to the
 *   concern's thread as the reporter's message (content-checked like any); answers its `update_id`.
 *   The client's own `update_id` makes a retry idempotent; `status` is never taken from a client.
 */
import { reply } from '../concerns/concern-moves';
import { ERROR_CODES, AppError, type ErrorCode } from '../errors';
import { categoriesOf } from '../directory/directory';
import { STATUS_TEXT } from '../labels';
import type { Concern, ConcernStatus } from '../model';
import type { ConcernHistory, ConcernSearch } from '../ports';
import { LIMITS } from '../schemas';
import { clientOf, fail, ID_RE, OPEN311_LIMITS, open311Openid, open311Status, readTowns, span, spend, w3c, type Open311Env, type Open311HttpRequest, type Params } from './open311-common';
import { pseudoResident, publicTowns, readerOf, scopeOf, textField, textFor, visible, type TextKind } from './open311-requests';

export interface RequestUpdate {
  update_id: string;
  service_request_id: string;
  status: 'open' | 'closed';
  updated_datetime: string;
  description: string;
  media_url: null;
}

/** The updates of one concern in [from, to]: its status changes and the published replies of others than its reporter. */
export function updatesOf(c: Concern, h: ConcernHistory, from: number, to: number, text: (c: Concern, t: string, kind: TextKind) => string): Array<RequestUpdate & { at: string }> {
  const inWindow = (at: string) => Date.parse(at) >= from && Date.parse(at) <= to;
  const changes = h.events.filter((e) => e.toStatus !== null && e.fromStatus !== null && e.toStatus !== e.fromStatus);
  /** The status a reply was given in: that of the last change at or before it. */
  const statusAt = (at: string): ConcernStatus => {
    let s: ConcernStatus = h.events.find((e) => e.toStatus !== null)?.toStatus ?? c.status;
    for (const e of changes) if (e.at <= at) s = e.toStatus!;
    return s;
  };
  const out: Array<RequestUpdate & { at: string }> = [];
  for (const e of changes) {
    if (!inWindow(e.at)) continue;
    out.push({ at: e.at, update_id: e.id, service_request_id: c.id, status: open311Status(e.toStatus!), updated_datetime: w3c(e.at), description: `状态变更：${STATUS_TEXT[e.toStatus!]}`, media_url: null });
  }
  for (const m of h.messages) {
    if (m.authorOpenid === c.reporterOpenid || m.moderation !== 'published' || !inWindow(m.at)) continue;
    out.push({ at: m.at, update_id: m.id, service_request_id: c.id, status: open311Status(statusAt(m.at)), updated_datetime: w3c(m.at), description: text(c, m.text, 'reply'), media_url: null });
  }
  return out;
}

export async function listUpdates(env: Open311Env, req: Open311HttpRequest, { one: p }: Params): Promise<RequestUpdate[]> {
  const reader = await readerOf(env, req, p);
  const snap = await env.directory.current();
  const asked = readTowns(snap, p, reader.client);
  const townIds = reader.client ? asked : await publicTowns(env, asked);
  const { from, to } = span(env, p);
  if (townIds.length === 0) return [];
  // A concern changed in the window was updated at or after its start (updatedAt is its latest change).
  const q: ConcernSearch = { ...scopeOf(reader, townIds), createdFrom: '0000', createdTo: '9999', updatedFrom: new Date(from).toISOString() };
  const changed = await env.deps.store.concerns.search(q, OPEN311_LIMITS.maxResults + 1);
  if (changed.length > OPEN311_LIMITS.maxResults) fail(400, `more than ${OPEN311_LIMITS.maxResults} requests changed since start_date; ask for a shorter span`);
  const cats = categoriesOf(snap);
  const shown = changed.filter((c) => visible(reader, c, cats, townIds));
  const [histories, text] = await Promise.all([env.deps.store.concerns.histories(shown.map((c) => c.id)), textFor(env, reader, shown)]);
  const all = shown.flatMap((c) => updatesOf(c, histories.get(c.id) ?? { events: [], messages: [] }, from, to, text));
  // Oldest first; at the same instant a concern's updates keep their timeline order (the sort is stable),
  // and concerns come in id order, so two answers to the same query list the same updates alike.
  const order = (x: string, y: string) => (x === y ? 0 : x < y ? -1 : 1);
  all.sort((a, b) => order(a.at, b.at) || order(a.service_request_id, b.service_request_id));
  if (all.length > OPEN311_LIMITS.maxResults) fail(400, `more than ${OPEN311_LIMITS.maxResults} updates; ask for a shorter span`);
  return all.map(({ at: _at, ...u }) => u);
}

const UPDATE_ID_RE = /^[A-Za-z0-9_-]{1,56}$/;

export async function postUpdate(env: Open311Env, req: Open311HttpRequest, { one: p }: Params): Promise<Array<{ update_id: string }>> {
  const client = (await clientOf(env, req, p, true))!;
  await spend(env, client, req, true);
  const id = (p.service_request_id ?? '').trim();
  if (id === '') fail(400, 'service_request_id is required');
  if (!ID_RE.test(id)) fail(404, `service request ${id} not found`);
  const description = textField(p.description, 'description', LIMITS.replyMax);
  if (description === '') fail(400, 'description is required');
  const theirs = (p.update_id ?? '').trim();
  if (theirs !== '' && !UPDATE_ID_RE.test(theirs)) fail(400, 'update_id must be 1–56 letters, digits, _ or -');
  const c = await env.deps.store.concerns.get(id);
  const cats = await env.deps.store.directory.listCategories();
  if (!c || !visible({ client }, c, cats, null)) return fail(404, `service request ${id} not found`);
  // Only the reporter comments: an oversight key reads its towns' requests but speaks for none of them.
  if (c.reporterOpenid !== open311Openid(client.id)) fail(403, `only the system that posted ${id} may comment on it`);
  const caller = await pseudoResident(env, client);
  try {
    // Padded to the requestId format (8–64 characters), so a short client id is still a retry key.
    await reply({ deps: env.deps, directory: env.directory, caller }, { id, text: description, requestId: theirs ? `u-${theirs}`.padEnd(8, '-') : undefined });
  } catch (e) {
    // Budgets and storage failures keep their own answers (429, 503 with Retry-After) in handleOpen311.
    const passOn = !(e instanceof AppError) || e.code === 'RATE_LIMITED' || e.code === 'SERVICE.UNAVAILABLE' || e.code.startsWith('STORAGE.');
    if (passOn) throw e;
    const status = ERROR_CODES[e.code as ErrorCode] ?? 400;
    fail(status === 401 ? 403 : status, e.message);
  }
  const thread = await env.deps.store.concerns.thread(id);
  const mine = thread.filter((m) => m.authorOpenid === caller.openid);
  return [{ update_id: mine[mine.length - 1].id }];
}
