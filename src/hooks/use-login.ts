import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { devLogin, listDevIdentities } from '../services/api';
import { setToken } from '../services/auth';
import { errorText } from '../services/error-text';
import { useResource } from './use-resource';

const HOME = '/pages/index/index';

export function useLogin() {
  const isH5 = process.env.TARO_ENV === 'h5';
  const identities = useResource(listDevIdentities, { skip: !isH5 });
  const [pendingOpenid, setPendingOpenid] = useState<string | null>(null);
  const [loginError, setLoginError] = useState<string | null>(null);

  useEffect(() => {
    // In the mini program, WeChat tells the backend who the user is: no login page needed.
    if (isH5) return undefined;
    const t = setTimeout(() => void Taro.reLaunch({ url: HOME }), 1500);
    return () => clearTimeout(t);
  }, [isH5]);

  const login = async (openid: string) => {
    if (pendingOpenid) return;
    setPendingOpenid(openid);
    setLoginError(null);
    try {
      setToken(await devLogin(openid));
      await Taro.reLaunch({ url: HOME });
    } catch (e) {
      setLoginError(errorText(e));
    } finally {
      setPendingOpenid(null);
    }
  };

  return { isH5, identities, pendingOpenid, loginError, login, goHome: () => Taro.reLaunch({ url: HOME }) };
}
