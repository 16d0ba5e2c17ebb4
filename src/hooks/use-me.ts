import Taro from '@tarojs/taro';
import { useState } from 'react';
import { call, LOGIN_PAGE } from '../services/api';
import { readElderMode, setElderMode } from '../services/elder-mode';
import { useResource } from './use-resource';

export function useMe() {
  const profile = useResource(() => call('me/profile', {}));
  const [elder, setElder] = useState(readElderMode());
  return {
    profile,
    elder,
    toggleElder: () => {
      setElderMode(!elder);
      setElder(!elder);
    },
    canSwitchIdentity: process.env.TARO_ENV === 'h5',
    goMine: () => Taro.navigateTo({ url: '/pages/my-concerns/index' }),
    goMyVolunteer: () => Taro.navigateTo({ url: '/volunteer/pages/mine/index' }),
    goPoints: () => Taro.navigateTo({ url: '/volunteer/pages/points/index' }),
    goBoard: () => Taro.navigateTo({ url: '/pages/board/index' }),
    goLogin: () => Taro.reLaunch({ url: LOGIN_PAGE }),
  };
}
