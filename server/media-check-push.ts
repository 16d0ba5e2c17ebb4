/**
 * WeChat's message push of a mediaCheckAsync verdict (event `wxa_media_check`, version 2), delivered to the
 * `mediacheck` cloud function (the mini program's 消息推送 set to CloudBase, JSON). It settles the pending
 * photo check with that trace id: a pass publishes the photo, anything else holds it for the moderator.
 *
 * Only WeChat's push is accepted. A push to a cloud function carries no signature (that is the server-URL
 * push), so the function checks what WeChat documents and a person cannot make come out right:
 * - the fields of the push: `MsgType` event, `Event` wxa_media_check, `appid` the configured AppID,
 *   `ToUserName` the AppID (or the configured original id gh_…), `FromUserName` present;
 * - no person's call: an event from `wx.cloud.callFunction` carries `userInfo`, and its context a person's
 *   source (`TCB_SOURCE` wx_client, wx_devtools, …) or a CloudBase login; a context openid other than the
 *   push's own FromUserName is a person's call too.
 * Trace ids are never given to clients, and a check moves only from pending, so even a push that passed
 * these checks but was forged or repeated changes nothing.
 */
import { z } from 'zod';
import { settlePhotoCheck } from '../core/concerns/photos';
import type { Deps } from '../core/ports';
import { cloudbaseContext, personSourceOrLogin } from './cloud-identity';

const pushSchema = z.object({
  ToUserName: z.string().min(1).max(64),
  FromUserName: z.string().min(1).max(128),
  MsgType: z.literal('event'),
  Event: z.literal('wxa_media_check'),
  appid: z.string().min(1).max(64),
  trace_id: z.string().min(1).max(128),
  errcode: z.number().optional(),
  result: z.object({ suggest: z.enum(['pass', 'review', 'risky']) }).passthrough().optional(),
}).passthrough();

export type MediaCheckOutcome = { settled: boolean; status: string | null } | { ignored: string };

export interface MediaCheckEnv {
  deps: Deps;
  /** JIEFANG_WX_APPID */
  appId: string;
  /** JIEFANG_WX_ORIGINAL_ID, when configured */
  originalId?: string;
}

/** Why a push is not WeChat's, or null when it is. */
function notWechat(event: z.infer<typeof pushSchema>, raw: Record<string, unknown>, context: unknown, env: MediaCheckEnv): string | null {
  if (event.appid !== env.appId) return 'appid is not this mini program';
  if (event.ToUserName !== env.appId && event.ToUserName !== env.originalId && !(env.originalId === undefined && /^gh_[0-9A-Za-z]{6,32}$/.test(event.ToUserName))) {
    return 'ToUserName is not this mini program';
  }
  if ('userInfo' in raw) return 'the event came from wx.cloud.callFunction';
  const ctx = cloudbaseContext(context);
  const person = personSourceOrLogin(ctx);
  if (person) return `the call came with ${person}`;
  for (const key of ['WX_OPENID', 'WX_FROM_OPENID']) {
    if (typeof ctx[key] === 'string' && ctx[key] !== '' && ctx[key] !== event.FromUserName) return `the call came from a person (${key})`;
  }
  return null;
}

export function createMediaCheckHandler(getEnv: () => Promise<MediaCheckEnv>) {
  return async function main(event: unknown, context?: unknown): Promise<MediaCheckOutcome> {
    const parsed = pushSchema.safeParse(event);
    if (!parsed.success) return { ignored: 'not a wxa_media_check push' };
    const push = parsed.data;
    const env = await getEnv();
    const refused = notWechat(push, event as Record<string, unknown>, context, env);
    if (refused) {
      console.warn('[jiefang:mediacheck] refused:', refused);
      return { ignored: `not WeChat's push: ${refused}` };
    }
    // A check WeChat could not run (errcode ≠ 0, or no result) is held for a person rather than shown.
    const suggest = push.errcode !== undefined && push.errcode !== 0 ? 'review' : (push.result?.suggest ?? 'review');
    const check = await settlePhotoCheck(env.deps, push.trace_id, suggest);
    if (!check) console.warn('[jiefang:mediacheck]', JSON.stringify({ traceId: push.trace_id, settled: false }));
    return { settled: check !== null, status: check?.status ?? null };
  };
}
