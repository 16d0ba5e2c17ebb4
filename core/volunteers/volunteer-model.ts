/**
 * Domain types of the party-mass volunteer teams (党群志愿服务队, 街坊会): teams, members, events,
 * sign-ups, attendance and hours. Shared by core, the store adapters and (type-only) the mini program.
 */
import type { Moderation } from '../model';


/** 党群志愿服务队 (a party branch's service team) or 街坊会 (a neighbourhood association). */
export type TeamKind = 'party_service' | 'neighbourhood';

export interface Team {
  id: string;
  name: string;
  kind: TeamKind;
  /** The village/community or cooperative the team belongs to. */
  nodeId: string;
  description: string;
  createdAt: string;
  /** When the town's admin archived the team (issue 19): absent while it is active. */
  archivedAt?: string;
}

export type MemberStatus = 'pending' | 'member' | 'declined' | 'left';

/** A person's standing in one team. One record per (team, person): id `${teamId}_${openid}`. */
export interface Membership {
  id: string;
  teamId: string;
  openid: string;
  name: string;
  status: MemberStatus;
  /** 党员: set by the team's leader, shown as a badge. */
  partyMember: boolean;
  appliedAt: string;
  decidedAt: string | null;
  /** What the applicant wrote to the leader with the application, if anything. */
  note: string | null;
  /** The content check's verdict on `note` ('published' when there is none). */
  noteModeration: Moderation;
}

export type EventStatus = 'open' | 'cancelled';
export type EventAudience = 'members' | 'all';

export interface VolunteerEvent {
  id: string;
  teamId: string;
  title: string;
  description: string;
  place: string;
  startAt: string;
  endAt: string;
  /** Last moment a sign-up is taken; never after startAt. */
  signupDeadline: string;
  /** Places; never changes after creation, so a conditional update may compare against it. */
  capacity: number;
  waitlist: boolean;
  openTo: EventAudience;
  status: EventStatus;
  /**
   * The content check's verdict on title, description and place. Only a published event is shown to
   * residents and takes sign-ups; a held one waits for the town's moderator, seen by its team's leaders.
   */
  moderation: Moderation;
  cancelReason: string | null;
  /** The verdict on `cancelReason` ('published' while there is none). */
  cancelModeration: Moderation;
  cancelledAt: string | null;
  /**
   * When a moderator took the published texts down (下架 of a reported event, issue 15): the event stays
   * (sign-ups, hours), its title and description read 内容已下架 to all but its leaders and moderators.
   */
  textRemovedAt: string | null;
  /** Counters kept on the event itself and changed only by atomic conditional updates. */
  signedCount: number;
  waitlistCount: number;
  /** Secret part of the event's check-in QR code. */
  checkinCode: string;
  createdBy: string;
  createdAt: string;
}

/** The state every event starts in: open, its texts published, not cancelled, nobody signed up yet. */
export const NEW_EVENT_STATE = {
  status: 'open',
  moderation: 'published',
  cancelReason: null,
  cancelModeration: 'published',
  cancelledAt: null,
  textRemovedAt: null,
  signedCount: 0,
  waitlistCount: 0,
} as const satisfies Partial<VolunteerEvent>;

export type SignUpStatus = 'signed' | 'waitlisted' | 'cancelled';

/** One person's place in one event: id `${eventId}_${openid}`, so a person holds at most one. */
export interface SignUp {
  id: string;
  eventId: string;
  openid: string;
  name: string;
  status: SignUpStatus;
  /** Arrival order within the event: the waitlist is served in this order. */
  arrival: number;
  requestId: string | null;
  signedUpAt: string;
  checkInAt: string | null;
  checkOutAt: string | null;
  /** Minutes confirmed by the leader; null until confirmed. */
  confirmedMinutes: number | null;
  confirmedAt: string | null;
  remindedAt: string | null;
}

/** An audited hours entry: every confirmation or correction by a leader. Never deleted. */
export interface HoursAudit {
  id: string;
  signUpId: string;
  eventId: string;
  actorOpenid: string;
  actorName: string;
  at: string;
  /** Minutes computed from check-in and check-out at the time of the entry. */
  computedMinutes: number;
  /** Minutes confirmed before this entry (null the first time). */
  fromMinutes: number | null;
  toMinutes: number;
  reason: string | null;
  /** The content check's verdict on `reason` ('published' when there is none). */
  reasonModeration: Moderation;
}

/** Settings of the volunteer module, from configuration (see .env.example). */
export interface VolunteerSettings {
  /** How long before an event's start a check-in is accepted (and after its end a check-out). */
  checkinMarginMinutes: number;
  /** How long before an event's start its reminder is sent. */
  reminderLeadMinutes: number;
}

export const DEFAULT_VOLUNTEER_SETTINGS: VolunteerSettings = { checkinMarginMinutes: 30, reminderLeadMinutes: 24 * 60 };
