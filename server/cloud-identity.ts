import tcb from '@cloudbase/node-sdk';
import { AppError } from '../core/errors';
import { loadCloudConfig } from './cloud-config';
import type { IdentityOf } from './cloud-function';

type Context = Record<string, unknown>;

/** The CloudBase context of a call as the real SDK parses it (context fields, then the process environment). */
export function cloudbaseContext(context: unknown): Context {
  // A context without its environment (not one CloudBase passes) leaves the process environment alone to speak.
  const usable = context !== null && typeof context === 'object' && ('environment' in context || 'environ' in context);
  return (usable ? tcb.getCloudbaseContext(context as Parameters<typeof tcb.getCloudbaseContext>[0]) : tcb.getCloudbaseContext()) as unknown as Context;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

/** `SOURCE` values (getWXContext) of calls a person made: the mini program, the IDE, its local debugger, HTTP API, the crawler. */
const PERSON_SOURCES = ['wx_client', 'wx_devtools', 'wx_localdebug', 'wx_http', 'wx_crawler'];
/** Context keys that name a person of WeChat (also across accounts). */
const WECHAT_PERSON_KEYS = ['WX_OPENID', 'WX_UNIONID', 'WX_FROM_OPENID', 'WX_FROM_UNIONID', 'FROM_OPENID'];

/** A person's source on the call's chain (`TCB_SOURCE`, comma-separated hops), or a CloudBase login of the call; null if none. */
export function personSourceOrLogin(ctx: Context): string | null {
  const hop = str(ctx.TCB_SOURCE)?.split(',').map((s) => s.trim()).find((s) => PERSON_SOURCES.includes(s));
  if (hop) return `TCB_SOURCE=${hop}`;
  for (const key of ['TCB_UUID', 'TCB_CUSTOM_USER_ID']) if (str(ctx[key])) return key;
  if (ctx.TCB_ISANONYMOUS_USER === 'true' || ctx.TCB_ISANONYMOUS_USER === true) return 'TCB_ISANONYMOUS_USER';
  return null;
}

/** Why a call came from a person (a context key that names one, their source or login), or null for a system trigger. */
export function personInvoked(context: unknown): string | null {
  const ctx = cloudbaseContext(context);
  for (const key of WECHAT_PERSON_KEYS) if (str(ctx[key])) return key;
  return personSourceOrLogin(ctx);
}

/**
 * WeChat identity of a cloud-function call: the openid from the CloudBase context, which CloudBase fills
 * from the signed mini-program session — never a field of the event — and only for our own mini program:
 * the context's AppID (`WX_APPID`, or `WX_FROM_APPID` for a call shared across accounts, whose person is
 * then `WX_FROM_OPENID`) must be the configured one, or the call is AUTH.FORBIDDEN.
 */
export function cloudbaseIdentityFor(appId: string): IdentityOf {
  return (context) => {
    const ctx = cloudbaseContext(context);
    const fromApp = str(ctx.WX_FROM_APPID) ?? str(ctx.FROM_APPID);
    const app = fromApp ?? str(ctx.WX_APPID);
    const openid = fromApp ? (str(ctx.WX_FROM_OPENID) ?? str(ctx.FROM_OPENID)) : str(ctx.WX_OPENID);
    if (!openid) return null;
    if (app !== appId) throw new AppError('AUTH.FORBIDDEN', 'the call does not come from this mini program');
    return openid;
  };
}

/** The identity of a deployed function: checked against JIEFANG_WX_APPID of its environment. */
export const cloudbaseIdentity: IdentityOf = (context) => {
  let appId: string;
  try {
    appId = loadCloudConfig().JIEFANG_WX_APPID;
  } catch (e) {
    throw new AppError('SERVICE.UNAVAILABLE', e instanceof Error ? e.message : String(e));
  }
  return cloudbaseIdentityFor(appId)(context);
};
