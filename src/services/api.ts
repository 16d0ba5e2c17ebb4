/**
 * The one place that talks to the backend. weapp calls cloud functions; H5 calls the local cloud
 * over HTTP. Both speak the wire format of core/errors.ts: `{ok:true,data}` or `{ok:false,code,message}`.
 */
import Taro from '@tarojs/taro';
import { ACTION_FUNCTION } from '../../core/action-catalog';
import type { ActionInput, ActionName, ActionOutput } from '../../core/actions';
import type { WireResult } from '../../core/errors';
import type { Role } from '../../core/model';
import { ApiError, NETWORK_FAILED } from './api-error';
import { clearToken, getToken } from './auth';

export { ApiError, isApiError, codeOf, NETWORK_FAILED } from './api-error';

export const LOGIN_PAGE = '/pages/login/index';

function apiBase(): string {
  return (process.env.TARO_APP_API_BASE ?? '').replace(/\/+$/, '');
}

function unwrap<T>(res: WireResult<T> | null | undefined): T {
  if (!res || typeof res !== 'object' || typeof res.ok !== 'boolean') {
    throw new ApiError('INTERNAL', 'malformed response');
  }
  if (res.ok) return res.data;
  throw new ApiError(res.code, res.message, res.details);
}

// ---- weapp: cloud functions -------------------------------------------------------------------

let cloudReady = false;

function ensureCloud(): void {
  if (cloudReady) return;
  const env = process.env.TARO_APP_CLOUD_ENV;
  Taro.cloud.init(env ? { env } : {});
  cloudReady = true;
}

async function callCloud<A extends ActionName>(action: A, data: ActionInput<A>): Promise<ActionOutput<A>> {
  ensureCloud();
  let result: unknown;
  try {
    const res = await Taro.cloud.callFunction({ name: ACTION_FUNCTION[action], data: { action, data } });
    result = res.result;
  } catch (e) {
    throw new ApiError(NETWORK_FAILED, e instanceof Error ? e.message : String(e));
  }
  return unwrap(result as WireResult<ActionOutput<A>>);
}

// ---- H5: local cloud over HTTP -----------------------------------------------------------------

let redirecting = false;

/** Sends the H5 user to the dev login page once (several calls may fail together). */
function goLogin(): void {
  clearToken();
  if (redirecting) return;
  redirecting = true;
  void Taro.reLaunch({ url: LOGIN_PAGE }).finally(() => {
    redirecting = false;
  });
}

async function httpJson<T>(path: string, init: { method: 'GET' | 'POST'; body?: unknown; token?: string }): Promise<{ status: number; body: WireResult<T> | null }> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  if (init.token) headers.Authorization = `Bearer ${init.token}`;
  let res: Response;
  try {
    res = await fetch(`${apiBase()}${path}`, {
      method: init.method,
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch (e) {
    throw new ApiError(NETWORK_FAILED, e instanceof Error ? e.message : String(e));
  }
  let body: WireResult<T> | null = null;
  try {
    body = (await res.json()) as WireResult<T>;
  } catch {
    body = null;
  }
  if (!body) {
    throw new ApiError(res.status >= 500 || res.status === 0 ? NETWORK_FAILED : 'INTERNAL', `HTTP ${res.status}`);
  }
  return { status: res.status, body };
}

async function callHttp<A extends ActionName>(action: A, data: ActionInput<A>): Promise<ActionOutput<A>> {
  const { status, body } = await httpJson<ActionOutput<A>>(`/api/fn/${ACTION_FUNCTION[action]}`, {
    method: 'POST',
    body: { action, data },
    token: getToken(),
  });
  if (status === 401 || (body && !body.ok && body.code === 'AUTH.REQUIRED')) {
    goLogin();
  }
  return unwrap(body);
}

// ---- public API --------------------------------------------------------------------------------

/** Calls one backend action; throws `ApiError` when the backend says no or cannot be reached. */
export function call<A extends ActionName>(action: A, data: ActionInput<A>): Promise<ActionOutput<A>> {
  if (process.env.TARO_ENV === 'h5') return callHttp(action, data);
  return callCloud(action, data);
}

export interface DevIdentity {
  openid: string;
  name: string;
  role: Role;
  nodeId: string | null;
  nodeName: string | null;
}

/** H5 local dev only: the demo identities one may log in as. */
export async function listDevIdentities(): Promise<DevIdentity[]> {
  const { body } = await httpJson<DevIdentity[]>('/api/dev/identities', { method: 'GET' });
  return unwrap(body);
}

/** H5 local dev only: logs in as a demo identity and returns the bearer token. */
export async function devLogin(openid: string): Promise<string> {
  const { body } = await httpJson<{ token: string }>('/api/dev/login', { method: 'POST', body: { openid } });
  return unwrap(body).token;
}
