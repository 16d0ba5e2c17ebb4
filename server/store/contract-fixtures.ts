/** Fixtures shared by the repository contract (store-contract*.ts): fixed times, a route, concerns, events, notices. */
import type { Concern, ConcernEvent, ConcernMessage, ConcernSla, InboxMessage, Notification, RouteDecision } from '../../core/model';
import type { ConcernChange } from '../../core/ports';
import { DEMO_IDENTITIES as I } from '../demo-data';

export const T0 = Date.parse('2026-11-30T02:00:00.000Z');
export const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();

export const ROUTE: RouteDecision = {
  step: 'place',
  townId: 'danzao',
  villageId: 'dz-xicheng',
  cooperativeId: 'dz-xicheng-daguo',
  gridId: 'dz-xicheng-daguo-g',
  coOfficeId: 'danzao-environment',
  reasonCode: 'place.cooperative',
  reason: '按所选地点分派到大果经济社',
};

let seq = 0;
export const uid = (prefix: string) => `${prefix}${(++seq).toString().padStart(6, '0')}`;
/** Starts the fixture ids again (for tests that build the same data twice and compare the results). */
export const resetUids = () => {
  seq = 0;
};

/** Round-1 clocks: acknowledge within the hour, resolve within the day, nothing met yet. */
export function clocks(over: Partial<ConcernSla> = {}): ConcernSla {
  return {
    round: 1,
    ackDueAt: at(3600),
    resolveDueAt: at(86400),
    ackedAt: null,
    resolvedAt: null,
    ackMissed: false,
    resolveMissed: false,
    overdue: false,
    firstResponse: 'pending',
    dueAt: at(3600),
    watchAt: at(3600),
    ...over,
  };
}

/** The clocks of a concern that is no longer open. */
export const closedClocks = (): ConcernSla => clocks({ dueAt: null, watchAt: null });

export function concern(over: Partial<Concern> = {}): Concern {
  const id = over.id ?? uid('c');
  return {
    id,
    reporterOpenid: I.resident,
    source: 'app',
    category: 'environment',
    description: '祠堂旁垃圾桶满了',
    placeId: 'dz-xicheng-daguo',
    location: null,
    photos: [],
    status: 'assigned',
    route: ROUTE,
    sla: clocks(),
    rating: null,
    createdAt: at(0),
    updatedAt: at(0),
    version: 1,
    requestId: null,
    moderation: 'published',
    pastNodeIds: [],
    ...over,
  };
}

export function event(c: Pick<Concern, 'id'>, type: string, over: Partial<ConcernEvent> = {}): ConcernEvent {
  return { id: uid('e'), concernId: c.id, type, actorOpenid: I.daguoChair, actorName: '黄社长', actorRole: 'staff', at: at(1), fromStatus: 'assigned', toStatus: 'accepted', note: null, ...over };
}

export function message(c: Pick<Concern, 'id'>, text: string, over: Partial<ConcernMessage> = {}): ConcernMessage {
  return { id: uid('m'), concernId: c.id, authorOpenid: I.daguoChair, authorName: '黄社长', authorRole: 'staff', text, photos: [], at: at(2), moderation: 'published', ...over };
}

export function notice(to: string, createdAt = at(0)): Notification {
  return { id: uid('n'), recipientOpenid: to, kind: 'concern_assigned', title: '新诉求待签收', body: '人居环境：祠堂旁垃圾桶满了', page: '/staff/pages/handle/index?id=c1', createdAt };
}

export function change(over: Partial<ConcernChange> = {}): ConcernChange {
  return { patch: {}, events: [], messages: [], requestId: null, notifications: [], ...over };
}

export function inboxMessage(to: string, createdAt: string, over: Partial<InboxMessage> = {}): InboxMessage {
  return { id: uid('im'), recipientOpenid: to, kind: 'concern_replied', title: '您的诉求有新回复', body: '已安排清运', page: '/pages/concern/index?id=c1', createdAt, readAt: null, ...over };
}

