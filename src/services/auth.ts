import Taro from '@tarojs/taro';

/** H5 only: the bearer token from the local dev login. In weapp, identity comes from WeChat. */
const TOKEN_KEY = 'jiefang.token';

export function getToken(): string {
  try {
    const v: unknown = Taro.getStorageSync(TOKEN_KEY);
    return typeof v === 'string' ? v : '';
  } catch {
    return '';
  }
}

export function setToken(token: string): void {
  Taro.setStorageSync(TOKEN_KEY, token);
}

export function clearToken(): void {
  try {
    Taro.removeStorageSync(TOKEN_KEY);
  } catch {
    // Nothing stored: nothing to clear.
  }
}

export const isH5 = process.env.TARO_ENV === 'h5';

/** True when this build needs a dev login before calling the API (H5 without a token). */
export function needsLogin(): boolean {
  return isH5 && getToken() === '';
}
