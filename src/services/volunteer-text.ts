/** Chinese labels of the volunteer module: team kinds, member and sign-up states, hours. */
import type { ActionStatus } from '../../core/volunteers/action-model';
import type { HoursNote } from '../../core/volunteers/hours';
import type { EventAudience, MemberStatus, SignUpStatus, TeamKind } from '../../core/volunteers/volunteer-model';
import type { EventSummary } from '../../core/views';
import { fullTime, shortTime } from './format';

/** The longest application note (core/schemas.ts LIMITS.teamNoteMax; the client does not load the schemas). */
export const TEAM_NOTE_MAX = 200;

export const TEAM_KIND_TEXT: Readonly<Record<TeamKind, string>> = {
  party_service: '党群志愿服务队',
  neighbourhood: '街坊会',
};

export const MEMBER_STATUS_TEXT: Readonly<Record<MemberStatus, string>> = {
  pending: '待审核',
  member: '队员',
  declined: '未通过',
  left: '已退出',
};

export const SIGNUP_STATUS_TEXT: Readonly<Record<SignUpStatus, string>> = {
  signed: '已报名',
  waitlisted: '候补中',
  cancelled: '已取消',
};

export const AUDIENCE_TEXT: Readonly<Record<EventAudience, string>> = {
  members: '仅限本队队员',
  all: '所有居民可报名',
};

export const HOURS_NOTE_TEXT: Readonly<Record<HoursNote, string>> = {
  ok: '',
  no_checkin: '未签到',
  no_checkout: '未签退',
  below_threshold: '在场不足活动时长的60%，不计工时',
};

/** An event's content review as its leader sees it; null once published (residents never see the others). */
export const EVENT_REVIEW_TEXT: Readonly<Record<Exclude<EventSummary['moderation'], 'published'>, { tag: string; explain: string }>> = {
  held: { tag: '审核中', explain: '活动内容正在由镇里审核，审核通过后居民才能看到并报名，结果会通知您。' },
  rejected: { tag: '未通过审核', explain: '活动内容未通过审核，居民看不到这个活动。请取消后调整标题、地点或说明重新发起。' },
};

/** Minutes as hours with one decimal, e.g. 150 → "2.5". */
export function hoursText(minutes: number): string {
  return (Math.round((minutes / 60) * 10) / 10).toFixed(1);
}

/** e.g. `2025-05-03 09:00–11:00`, or with both dates when it runs past midnight. */
export function eventWindow(e: Pick<EventSummary, 'startAt' | 'endAt'>): string {
  const start = fullTime(e.startAt);
  const end = fullTime(e.endAt);
  return start.slice(0, 10) === end.slice(0, 10) ? `${start}–${end.slice(11)}` : `${start} – ${shortTime(e.endAt)}`;
}

/** Places left or the queue, e.g. `已报名 12/20` · `候补 3 人`. */
export function placesText(e: Pick<EventSummary, 'signedCount' | 'capacity' | 'waitlistCount' | 'waitlist'>): string {
  const base = `已报名 ${e.signedCount}/${e.capacity}`;
  return e.waitlist && e.waitlistCount > 0 ? `${base} · 候补 ${e.waitlistCount} 人` : base;
}

/**
 * The caller's place in an event as a word (issue 17): 已参加 once they were there — checked in, or hours
 * confirmed — not 已报名 for ever; null when they hold no place.
 */
export function mySignUpText(e: Pick<EventSummary, 'myStatus' | 'myConfirmedMinutes'> & { myCheckInAt?: string | null }): string | null {
  if (e.myStatus === null || e.myStatus === 'cancelled') return null;
  if (e.myStatus === 'signed' && (e.myConfirmedMinutes !== null || (e.myCheckInAt ?? null) !== null)) return '已参加';
  return SIGNUP_STATUS_TEXT[e.myStatus];
}

/** Why the caller cannot sign up, in Chinese; an application still waiting is not told to apply again. */
export function signupBlockedText(e: Pick<EventSummary, 'teamName'> & { signupBlocked: string | null; myMembership?: MemberStatus | null }, fallback: (code: string) => string): string | null {
  if (e.signupBlocked === null) return null;
  if (e.signupBlocked === 'EVENT.MEMBERS_ONLY' && e.myMembership === 'pending') return `这个活动只面向本队队员。您已申请加入${e.teamName}，队长同意后就可以报名了。`;
  return fallback(e.signupBlocked);
}

/** Issue 20: how far a volunteer action got, for the team's leaders, the event page and the resident's concern. */
export const ACTION_STEP_TEXT: Readonly<Record<ActionStatus, string>> = {
  draft: '待队长安排时间',
  scheduled: '已安排志愿活动',
  reported: '志愿服务队已反馈结果',
  resolved: '已据此办结',
  cancelled: '志愿行动已取消',
};
