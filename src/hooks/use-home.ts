import Taro, { useDidShow } from '@tarojs/taro';
import { useEffect, useRef } from 'react';
import { call, LOGIN_PAGE } from '../services/api';
import { needsLogin } from '../services/auth';
import { MESSAGES_PAGE, ME_PAGE, openPage, REPORT_PAGE } from '../services/nav';
import { isHandlerRole } from '../services/status-text';
import { showUnread } from '../services/unread-badge';
import { useResource } from './use-resource';
import { OPEN_STATUSES as CONCERN_OPEN_STATUSES } from '../../core/concerns/lifecycle';

/** How many of each list home shows (the rest is one tap away). */
export const HOME_LIST_SIZE = 3;
/** A resident's concern still being worked on (or waiting to be): what home lists under 我的诉求. */
const OPEN_STATUSES: ReadonlySet<string> = new Set<string>(CONCERN_OPEN_STATUSES);

export function useHome() {
  const mustLogin = needsLogin();
  const profile = useResource(() => call('me/profile', {}), { skip: mustLogin });
  // The unread badge of 消息 (the tab's, services/unread-badge.ts): refreshed whenever home is shown again.
  const unread = useResource(
    () =>
      call('message/list', { limit: 1 }).then((p) => {
        showUnread(p.unread);
        return p.unread;
      }),
    { skip: mustLogin },
  );
  // Issue 17, item 5: the resident's open concerns, their signed-up volunteer events, the public board's latest.
  // One page of each, from the calls the full pages make.
  const mine = useResource(() => call('concern/listMine', { limit: 10 }).then((p) => p.items.filter((c) => OPEN_STATUSES.has(c.status))), { skip: mustLogin });
  // The events of the resident's village they can still join (their stated place); before they state one,
  // the events they signed up for.
  const volunteer = useResource(
    () =>
      call('event/upcoming', {}).then(async (u) =>
        u.placeId !== null ? { near: true, items: u.items } : { near: false, items: (await call('volunteer/mine', {})).upcoming },
      ),
    { skip: mustLogin },
  );
  const board = useResource(() => call('board/list', { limit: HOME_LIST_SIZE }), { skip: mustLogin });
  const isHandler = profile.data ? isHandlerRole(profile.data.role) : false;
  // The 诉求工作台 badge: the handler's open concerns due today (and overdue), counted on the server.
  const counts = useResource(() => call('concern/inboxCounts', {}), { skip: !isHandler, key: isHandler ? 'handler' : '' });
  const isAdmin = profile.data?.role === 'admin';
  // The 内容审核 badge: how many held texts wait for the admin (the list is capped on the server).
  const held = useResource(() => call('moderation/list', {}).then((r) => r.items.length), { skip: !isAdmin, key: isAdmin ? 'admin' : '' });
  // Years whose holiday lists are missing: deadlines into them count weekends only until an admin enters them.
  const calendar = useResource(() => call('calendar/list', {}), { skip: !isAdmin, key: isAdmin ? 'admin' : '' });
  const shownOnce = useRef(false);
  useDidShow(() => {
    if (shownOnce.current && !mustLogin) {
      void unread.reload();
      void mine.reload();
      void volunteer.reload();
      void board.reload();
      if (isHandler) void counts.reload();
      if (isAdmin) {
        void held.reload();
        void calendar.reload();
      }
    }
    shownOnce.current = true;
  });

  useEffect(() => {
    if (mustLogin) void Taro.reLaunch({ url: LOGIN_PAGE });
  }, [mustLogin]);

  return {
    ...profile,
    redirecting: mustLogin,
    isHandler,
    isAdmin,
    held: held.data ?? 0,
    calendarMissing: calendar.data?.missing ?? [],
    canEditCalendar: calendar.data?.canEdit ?? false,
    unread: unread.data ?? 0,
    openConcerns: mine.data ?? [],
    upcomingEvents: volunteer.data?.items ?? [],
    /** Whether upcomingEvents are the village's (a place is stated) rather than the resident's own sign-ups. */
    eventsNearby: volunteer.data?.near ?? false,
    boardItems: board.data?.enabled ? board.data.items.slice(0, HOME_LIST_SIZE) : [],
    dueToday: counts.data?.dueToday ?? 0,
    overdue: counts.data?.overdue ?? 0,
    canSwitchIdentity: process.env.TARO_ENV === 'h5',
    // Tab pages: switchTab (services/nav.ts); WeChat refuses navigateTo to them.
    goMe: () => openPage(ME_PAGE),
    goMessages: () => openPage(MESSAGES_PAGE),
    goTemplates: () => Taro.navigateTo({ url: '/staff/pages/templates/index' }),
    goModeration: () => Taro.navigateTo({ url: '/staff/pages/moderation/index' }),
    goFeedbackList: () => Taro.navigateTo({ url: '/staff/pages/feedback-list/index' }),
    goAudit: () => Taro.navigateTo({ url: '/staff/pages/audit/index' }),
    goCalendar: () => Taro.navigateTo({ url: '/staff/pages/calendar/index' }),
    // Admin (issue 19).
    goRoster: () => Taro.navigateTo({ url: '/staff/pages/roster/index' }),
    goCategories: () => Taro.navigateTo({ url: '/staff/pages/categories/index' }),
    goTeamSetup: () => Taro.navigateTo({ url: '/staff/pages/team-setup/index' }),
    goOpenApi: () => Taro.navigateTo({ url: '/staff/pages/open-api/index' }),
    goGridAdmin: () => Taro.navigateTo({ url: '/staff/pages/grid/index' }),
    goTowns: () => Taro.navigateTo({ url: '/staff/pages/towns/index' }),
    // Points (issue 20).
    goPointsSettings: () => Taro.navigateTo({ url: '/staff/pages/points-settings/index' }),
    goRedeem: () => Taro.navigateTo({ url: '/staff/pages/redeem/index' }),
    goDashboard: () => Taro.navigateTo({ url: '/staff/pages/dashboard/index' }),
    goReport: () => openPage(REPORT_PAGE),
    goBoard: () => Taro.navigateTo({ url: '/pages/board/index' }),
    goYishi: () => Taro.navigateTo({ url: '/yishi/pages/topics/index' }),
    openConcern: (id: string) => Taro.navigateTo({ url: `/pages/concern/index?id=${encodeURIComponent(id)}` }),
    openEvent: (id: string) => Taro.navigateTo({ url: `/volunteer/pages/event/index?id=${encodeURIComponent(id)}` }),
    goMine: () => Taro.navigateTo({ url: '/pages/my-concerns/index' }),
    goInbox: () => Taro.navigateTo({ url: '/staff/pages/inbox/index' }),
    goVolunteer: () => Taro.navigateTo({ url: '/volunteer/pages/teams/index' }),
    goMyVolunteer: () => Taro.navigateTo({ url: '/volunteer/pages/mine/index' }),
    /** A team leader goes straight to their team. */
    goMyTeam: () => Taro.navigateTo({ url: `/volunteer/pages/team/index?id=${encodeURIComponent(profile.data?.teamId ?? '')}` }),
    goPrivacy: () => Taro.navigateTo({ url: '/account/pages/privacy/index' }),
    goFeedback: () => Taro.navigateTo({ url: '/account/pages/feedback/index' }),
    goLogin: () => Taro.reLaunch({ url: LOGIN_PAGE }),
  };
}
