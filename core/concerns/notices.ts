/**
 * The notices the concern lifecycle sends, as data for the outbox. Texts are short because WeChat's
 * subscribe-message fields are (a `thing` field holds 20 characters); adapters truncate further if needed.
 */
import type { Concern, Notification, NotificationKind } from '../model';
import type { StaffMember } from '../model';
import type { Deps } from '../ports';
import { tidyPunctuation } from './notice-text';

const SNIPPET = 40;

export function snippet(text: string, max = SNIPPET): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

export const RESIDENT_PAGE = (id: string) => `/pages/concern/index?id=${id}`;
export const STAFF_PAGE = (id: string) => `/staff/pages/handle/index?id=${id}`;

/** Nodes whose staff are told about a concern: the grid and cooperative it went to, else the nearest level above. */
export function noticeNodeIds(c: Pick<Concern, 'route'>): string[] {
  const r = c.route;
  const near = [r.gridId, r.cooperativeId].filter((x): x is string => x !== null);
  const nodes = near.length > 0 ? near : [r.villageId ?? r.townId];
  return r.coOfficeId ? [...nodes, r.coOfficeId] : nodes;
}

function notice(deps: Deps, to: string, kind: NotificationKind, title: string, body: string, page: string, at: string): Notification {
  return { id: deps.newId('n'), recipientOpenid: to, kind, title: tidyPunctuation(title), body: tidyPunctuation(body), page, createdAt: at };
}

export function toStaff(deps: Deps, staff: readonly StaffMember[], except: string, kind: NotificationKind, title: string, c: Concern, body: string, at: string): Notification[] {
  const seen = new Set<string>();
  return staff
    .filter((s) => s.openid !== except && !seen.has(s.openid) && seen.add(s.openid))
    .map((s) => notice(deps, s.openid, kind, title, body, STAFF_PAGE(c.id), at));
}

/** Where the concern's page opens for a notice: 「请评价」 opens at the rating box. */
export const RATE_ANCHOR = 'rate';

export function toReporter(deps: Deps, c: Concern, kind: NotificationKind, title: string, body: string, at: string): Notification {
  const page = kind === 'concern_resolved' ? `${RESIDENT_PAGE(c.id)}&focus=${RATE_ANCHOR}` : RESIDENT_PAGE(c.id);
  return notice(deps, c.reporterOpenid, kind, title, body, page, at);
}
