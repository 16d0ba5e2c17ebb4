import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useRef } from 'react';
import { call } from '../services/api';
import { useResource } from './use-resource';

/** 我的志愿: the caller's teams, upcoming sign-ups, history, confirmed hours and personal code. */
export function useMyVolunteer() {
  const mine = useResource(() => call('volunteer/mine', {}));
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void mine.reload();
    shown.current = true;
  });
  usePullDownRefresh(() => {
    void mine.reload().finally(() => Taro.stopPullDownRefresh());
  });
  return {
    mine,
    /** This minute's personal code, for 我的志愿码 to refresh. */
    personalCode: () => call('volunteer/code', {}),
    openEvent: (id: string) => Taro.navigateTo({ url: `/volunteer/pages/event/index?id=${encodeURIComponent(id)}` }),
    openTeam: (id: string) => Taro.navigateTo({ url: `/volunteer/pages/team/index?id=${encodeURIComponent(id)}` }),
    goPoints: () => Taro.navigateTo({ url: '/volunteer/pages/points/index' }),
    goTeams: () => Taro.navigateTo({ url: '/volunteer/pages/teams/index' }),
  };
}
