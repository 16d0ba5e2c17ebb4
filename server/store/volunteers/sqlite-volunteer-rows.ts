/** Row mappers of the volunteer tables (vol_teams, vol_members, vol_events, vol_signups, vol_hours_audit) and a notice per person. */
import type { Moderation, Notification } from '../../../core/model';
import type { NoticeTemplate } from '../../../core/ports';
import type { HoursAudit, Membership, SignUp, Team, VolunteerEvent } from '../../../core/volunteers/volunteer-model';

export type Row = Record<string, unknown>;
export const s = (v: unknown) => (v === null || v === undefined ? null : `${v as string | number}`);
export const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));

export function toTeam(r: Row): Team {
  return { id: r.id as string, name: r.name as string, kind: r.kind as Team['kind'], nodeId: r.node_id as string, description: r.description as string, createdAt: r.created_at as string, ...(r.archived_at ? { archivedAt: r.archived_at as string } : {}) };
}

export function toMember(r: Row): Membership {
  return {
    id: r.id as string,
    teamId: r.team_id as string,
    openid: r.openid as string,
    name: r.name as string,
    status: r.status as Membership['status'],
    partyMember: r.party_member === 1,
    appliedAt: r.applied_at as string,
    decidedAt: s(r.decided_at),
    note: s(r.note),
    noteModeration: r.note_moderation as Moderation,
  };
}

export function toEvent(r: Row): VolunteerEvent {
  return {
    id: r.id as string,
    teamId: r.team_id as string,
    title: r.title as string,
    description: r.description as string,
    place: r.place as string,
    startAt: r.start_at as string,
    endAt: r.end_at as string,
    signupDeadline: r.signup_deadline as string,
    capacity: r.capacity as number,
    waitlist: r.waitlist === 1,
    openTo: r.open_to as VolunteerEvent['openTo'],
    status: r.status as VolunteerEvent['status'],
    moderation: r.moderation as Moderation,
    cancelReason: s(r.cancel_reason),
    cancelModeration: r.cancel_moderation as Moderation,
    cancelledAt: s(r.cancelled_at),
    textRemovedAt: s(r.text_removed_at),
    signedCount: r.signed_count as number,
    waitlistCount: r.waitlist_count as number,
    checkinCode: r.checkin_code as string,
    createdBy: r.created_by as string,
    createdAt: r.created_at as string,
  };
}

export function toSignUp(r: Row): SignUp {
  return {
    id: r.id as string,
    eventId: r.event_id as string,
    openid: r.openid as string,
    name: r.name as string,
    status: r.status as SignUp['status'],
    arrival: r.arrival as number,
    requestId: s(r.request_id),
    signedUpAt: r.signed_up_at as string,
    checkInAt: s(r.check_in_at),
    checkOutAt: s(r.check_out_at),
    confirmedMinutes: n(r.confirmed_minutes),
    confirmedAt: s(r.confirmed_at),
    remindedAt: s(r.reminded_at),
  };
}

export function toAudit(r: Row): HoursAudit {
  return {
    id: r.id as string,
    signUpId: r.signup_id as string,
    eventId: r.event_id as string,
    actorOpenid: r.actor_openid as string,
    actorName: r.actor_name as string,
    at: r.at as string,
    computedMinutes: r.computed_minutes as number,
    fromMinutes: n(r.from_minutes),
    toMinutes: r.to_minutes as number,
    reason: s(r.reason),
    reasonModeration: r.reason_moderation as Moderation,
  };
}

export const personal = (t: NoticeTemplate, openid: string): Notification => ({ ...t, id: `${t.id}_${openid}`, recipientOpenid: openid });
