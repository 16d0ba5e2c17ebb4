import Taro, { useDidShow } from '@tarojs/taro';
import { useRef } from 'react';
import { call } from '../services/api';
import { useResource } from './use-resource';

/** Volunteer teams to browse and join (志愿服务). */
export function useTeams() {
  const teams = useResource(() => call('team/list', {}));
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void teams.reload();
    shown.current = true;
  });
  return {
    teams,
    open: (id: string) => Taro.navigateTo({ url: `/volunteer/pages/team/index?id=${encodeURIComponent(id)}` }),
    goMine: () => Taro.navigateTo({ url: '/volunteer/pages/mine/index' }),
  };
}
