import Taro, { useDidShow } from '@tarojs/taro';
import { useEffect, useRef } from 'react';
import { call, LOGIN_PAGE } from '../services/api';
import { needsLogin } from '../services/auth';
import { isHandlerRole } from '../services/status-text';
import { useResource } from './use-resource';

export function useHome() {
  const mustLogin = needsLogin();
  const profile = useResource(() => call('me/profile', {}), { skip: mustLogin });
  // The unread badge of 消息: refreshed whenever the home page is shown again.
  const unread = useResource(() => call('message/list', { limit: 1 }).then((p) => p.unread), { skip: mustLogin });
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
    dueToday: counts.data?.dueToday ?? 0,
    overdue: counts.data?.overdue ?? 0,
    canSwitchIdentity: process.env.TARO_ENV === 'h5',
    goMe: () => Taro.navigateTo({ url: '/pages/me/index' }),
    goMessages: () => Taro.navigateTo({ url: '/pages/messages/index' }),
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
    goReport: () => Taro.navigateTo({ url: '/pages/report/index' }),
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
