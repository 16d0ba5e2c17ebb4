/**
 * Views of teams, events, sign-ups and attendance (re-exported by core/views.ts).
 */
import type { HoursNote } from './hours';
import type { HoursAudit, MemberStatus, SignUpStatus, TeamKind, VolunteerEvent } from './volunteer-model';

export interface TeamSummary {
  id: string;
  name: string;
  kind: TeamKind;
  nodeId: string;
  /** e.g. `西城社区 · 大果经济社`. */
  placeName: string;
  description: string;
  memberCount: number;
  /** The caller's standing, or null when they never applied. */
  myStatus: MemberStatus | null;
  /** True when the caller leads this team. */
  iLead: boolean;
  /** When the town's admin archived the team (issue 19); null while it is active. */
  archivedAt: string | null;
}

/** A member as others see them: people are named, not identified by openid. */
export interface MemberView {
  /** The membership id, for the leader's review and badge actions; `member-N` (its place in the list) for anyone else. */
  id: string;
  name: string;
  status: MemberStatus;
  /** 党员: shown to the team's leaders only; null for anyone else. */
  partyMember: boolean | null;
  appliedAt: string;
  /** The applicant's note, for the team's leaders only (a placeholder while held); null for others or none. */
  note: string | null;
}

/** An event as lists show it: the stored event's public fields, with the team's name and the caller's place. */
export interface EventSummary
  extends Pick<VolunteerEvent, 'id' | 'teamId' | 'title' | 'place' | 'startAt' | 'endAt' | 'signupDeadline' | 'capacity' | 'waitlist' | 'openTo' | 'status' | 'moderation' | 'signedCount' | 'waitlistCount'> {
  teamName: string;
  /** The caller's place, or null. */
  myStatus: SignUpStatus | null;
  /** Minutes the leader confirmed for the caller, or null. */
  myConfirmedMinutes: number | null;
}

export interface TeamDetail extends TeamSummary {
  leaderNames: string[];
  /** Members (and, for the leader, applications of every status). */
  members: MemberView[];
  events: EventSummary[];
}

export interface EventDetail extends EventSummary {
  description: string;
  /** The reason as the caller may see it (a placeholder while held, to all but leaders and moderators). */
  cancelReason: string | null;
  cancelModeration: VolunteerEvent['cancelModeration'];
  iLead: boolean;
  /** 1-based place in the waitlist when the caller is waiting. */
  myPosition: number | null;
  myCheckInAt: string | null;
  myCheckOutAt: string | null;
  /** Why the caller cannot sign up now (an error code), or null when they can. */
  signupBlocked: string | null;
  /** The caller's standing in the event's team (null: never applied), so a pending application is not told to apply (issue 17). */
  myMembership: MemberStatus | null;
  /** The text of the event's check-in QR code for this minute: the leader's view only (refresh with event/checkinCode). */
  checkinQr: string | null;
  /** When that code is replaced by the next one (it is still accepted one minute more). */
  checkinQrExpiresAt: string | null;
  /** When a check-in is first accepted (start minus the configured margin). */
  checkinOpensAt: string;
  /** Issue 16: check-in or check-out is accepted now; the scan buttons show only then. */
  checkinOpen: boolean;
}

export interface SignUpResult {
  status: SignUpStatus;
  /** 1-based place in the waitlist, when waitlisted. */
  position: number | null;
}

export interface ScanResult {
  eventId: string;
  eventTitle: string;
  personName: string;
  action: 'checked_in' | 'checked_out' | 'already_done';
  checkInAt: string | null;
  checkOutAt: string | null;
}

export interface AttendanceRow {
  signUpId: string;
  name: string;
  partyMember: boolean;
  status: SignUpStatus;
  checkInAt: string | null;
  checkOutAt: string | null;
  computedMinutes: number;
  note: HoursNote;
  confirmedMinutes: number | null;
}

/** An hours audit entry as leaders read it: the stored entry's fields, with the person's name. */
export interface HoursAuditView extends Pick<HoursAudit, 'id' | 'signUpId' | 'actorName' | 'at' | 'computedMinutes' | 'fromMinutes' | 'toMinutes' | 'reasonModeration'> {
  personName: string;
  /** As the caller may see it: a placeholder while held, to every leader but its author. */
  reason: string | null;
}

export interface AttendanceView {
  event: EventSummary;
  ended: boolean;
  /** Issue 16: check-in or check-out is accepted now (from the margin before the start to the margin after the end). */
  checkinOpen: boolean;
  rows: AttendanceRow[];
  audit: HoursAuditView[];
}

/** A signed code that changes every minute (core/codes.ts): the QR text and when the next one replaces it. */
export interface CodeView {
  qr: string;
  expiresAt: string;
}

export interface MyVolunteer {
  /** Text of the caller's personal QR code for this minute, which a leader scans to check them in or out. */
  personalQr: string;
  personalQrExpiresAt: string;
  teams: TeamSummary[];
  upcoming: EventSummary[];
  history: EventSummary[];
  totalConfirmedMinutes: number;
}
