import type { Moderation, Notification } from '../../../core/model';
import type { NoticeTemplate } from '../../../core/ports';
import type { HoursAudit, SignUp, VolunteerEvent } from '../../../core/volunteers/volunteer-model';
import type { StoredDoc } from '../../cloudbase/db';

export const str = (v: unknown): string | null => (v === null || v === undefined ? null : `${v as string | number}`);
export const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** An event document: the event, its counters, and `arrivals`, the counter that orders its sign-ups. */
export function eventDoc(e: VolunteerEvent): StoredDoc {
  const { id, ...rest } = e;
  return { _id: id, ...rest, arrivals: 0 };
}

export function toEvent(d: StoredDoc): VolunteerEvent {
  return {
    id: d._id,
    teamId: String(d.teamId),
    title: String(d.title),
    description: String(d.description),
    place: String(d.place),
    startAt: String(d.startAt),
    endAt: String(d.endAt),
    signupDeadline: String(d.signupDeadline),
    capacity: Number(d.capacity),
    waitlist: d.waitlist === true,
    openTo: d.openTo as VolunteerEvent['openTo'],
    status: d.status as VolunteerEvent['status'],
    // Events stored before content checks covered volunteer texts carry no verdict: they were public.
    moderation: (d.moderation as Moderation | undefined) ?? 'published',
    cancelReason: str(d.cancelReason),
    cancelModeration: (d.cancelModeration as Moderation | undefined) ?? 'published',
    cancelledAt: str(d.cancelledAt),
    textRemovedAt: str(d.textRemovedAt),
    signedCount: Number(d.signedCount),
    waitlistCount: Number(d.waitlistCount),
    checkinCode: String(d.checkinCode),
    createdBy: String(d.createdBy),
    createdAt: String(d.createdAt),
  };
}

export function signUpDoc(s: SignUp): StoredDoc {
  const { id, ...rest } = s;
  return { _id: id, ...rest };
}

export function toSignUp(d: StoredDoc): SignUp {
  return {
    id: d._id,
    eventId: String(d.eventId),
    openid: String(d.openid),
    name: String(d.name),
    status: d.status as SignUp['status'],
    arrival: Number(d.arrival),
    requestId: str(d.requestId),
    signedUpAt: String(d.signedUpAt),
    checkInAt: str(d.checkInAt),
    checkOutAt: str(d.checkOutAt),
    confirmedMinutes: numOrNull(d.confirmedMinutes),
    confirmedAt: str(d.confirmedAt),
    remindedAt: str(d.remindedAt),
  };
}

export function toAudit(d: StoredDoc): HoursAudit {
  return {
    id: d._id,
    signUpId: String(d.signUpId),
    eventId: String(d.eventId),
    actorOpenid: String(d.actorOpenid),
    actorName: String(d.actorName),
    at: String(d.at),
    computedMinutes: Number(d.computedMinutes),
    fromMinutes: numOrNull(d.fromMinutes),
    toMinutes: Number(d.toMinutes),
    reason: str(d.reason),
    // Entries written before reasons were checked carry no verdict: they were shown as written.
    reasonModeration: (d.reasonModeration as Moderation | undefined) ?? 'published',
  };
}

export const personal = (t: NoticeTemplate, openid: string): Notification => ({ ...t, id: `${t.id}_${openid}`, recipientOpenid: openid });
export const byArrival = (a: SignUp, b: SignUp) => a.arrival - b.arrival;
export const HOLDING = ['signed', 'waitlisted'] as const;
