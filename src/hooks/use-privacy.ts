import Taro from '@tarojs/taro';
import { useState } from 'react';
import { call, LOGIN_PAGE } from '../services/api';
import { clearToken } from '../services/auth';
import { errorText } from '../services/error-text';
import { prepareTextFile, type SharedFile } from '../services/file-export';

/** 个人信息与隐私: take one's data out (`me/export`) or delete the account (`me/delete`). */
export function usePrivacy() {
  const [busy, setBusy] = useState<'export' | 'delete' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  /** The written export, waiting for the 发送文件 tap (weapp). */
  const [ready, setReady] = useState<SharedFile | null>(null);

  async function exportData() {
    setBusy('export');
    setError(null);
    try {
      const data = await call('me/export', {});
      const day = data.exportedAt.slice(0, 10);
      const file = prepareTextFile(`街坊-我的数据-${day}.json`, JSON.stringify(data, null, 2), 'application/json');
      setReady(file);
      void Taro.showToast({ title: file ? '文件已生成' : '已开始下载', icon: 'success' });
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(null);
    }
  }

  async function deleteAccount() {
    setBusy('delete');
    setError(null);
    try {
      await call('me/delete', { confirm: true });
      clearToken();
      await Taro.showToast({ title: '账号已注销', icon: 'success' });
      await Taro.reLaunch({ url: process.env.TARO_ENV === 'h5' ? LOGIN_PAGE : '/pages/index/index' });
    } catch (e) {
      setError(errorText(e));
      setConfirming(false);
    } finally {
      setBusy(null);
    }
  }

  return { busy, error, confirming, ready, clearReady: () => setReady(null), askToDelete: () => setConfirming(true), cancelDelete: () => setConfirming(false), exportData, deleteAccount };
}
