/**
 * WeChat OpenAPI from a cloud function, the way WeChat documents it: wx-server-sdk's `cloud.openapi`
 * (which sends the cloud call through node-sdk's `callCompatibleWxOpenApi`, action `wx.openApi`; not the
 * deprecated `callWxOpenApi` / `wx.api` path): content checks and subscribe messages. Each function that
 * uses an API lists it in its config.json (`permissions.openapi`, written by scripts/build-functions.ts)
 * or the call fails with -604101.
 */
import cloud from 'wx-server-sdk';
import { open311Openid } from '../core/open311/open311';
import type { ContentCheck, ContentVerdict, ImageCheck, PhotoStorage } from '../core/ports';

/** The OpenAPI names this adapter calls; build-functions declares them per function. */
export const OPENAPI = {
  msgSecCheck: 'security.msgSecCheck',
  mediaCheckAsync: 'security.mediaCheckAsync',
  subscribeSend: 'subscribeMessage.send',
} as const;

export class WechatApiError extends Error {
  constructor(
    readonly api: string,
    readonly errcode: number,
    errmsg: string,
  ) {
    super(`${api} failed: ${errcode} ${errmsg}`);
    this.name = 'WechatApiError';
  }
}

/** Calls one OpenAPI (`security.msgSecCheck`…) with WeChat's own (snake_case) parameters; answers its JSON. */
export type OpenApiInvoke = (apiName: string, data: Record<string, unknown>) => Promise<unknown>;

type OpenApiTree = Record<string, Record<string, (data: Record<string, unknown>) => Promise<unknown>>>;

/**
 * The production invoker: wx-server-sdk, initialised for the function's own environment, with parameters
 * and answers in WeChat's own field names (no camelCase conversion).
 */
export function wxServerSdkInvoke(env: string): OpenApiInvoke {
  cloud.init({ env });
  const openapi = (cloud.openapi as unknown as (opts: { convertCase: boolean }) => OpenApiTree)({ convertCase: false });
  return (apiName, data) => {
    const [ns, method] = apiName.split('.');
    return openapi[ns][method](data);
  };
}

/** Calls one OpenAPI and answers its JSON, throwing WechatApiError on a refused call or a non-zero errcode. */
export class WechatOpenApi {
  constructor(private readonly invoke: OpenApiInvoke) {}

  async call(apiName: string, requestData: Record<string, unknown>): Promise<Record<string, unknown>> {
    let result: unknown;
    try {
      result = await this.invoke(apiName, requestData);
    } catch (e) {
      // wx-server-sdk throws {errCode, errMsg} for WeChat's and CloudBase's refusals alike.
      const err = e as { errCode?: unknown; errcode?: unknown; errMsg?: unknown; message?: unknown };
      throw new WechatApiError(apiName, Number(err.errCode ?? err.errcode ?? -1), String(err.errMsg ?? err.message ?? e));
    }
    if (!result || typeof result !== 'object') throw new WechatApiError(apiName, -1, `unexpected answer ${JSON.stringify(result)}`);
    const r = result as Record<string, unknown>;
    const errcode = Number(r.errcode ?? r.errCode ?? 0);
    if (errcode !== 0) throw new WechatApiError(apiName, errcode, `${(r.errmsg ?? r.errMsg ?? '') as string}`);
    return r;
  }
}

/** msgSecCheck v2 scenes: 1 profile, 2 comment, 3 forum, 4 social log. A concern is a forum post. */
export type CheckScene = 1 | 2 | 3 | 4;

/** msgSecCheck v2 labels, as stable words. */
const LABELS: Record<number, string> = {
  100: 'normal',
  10001: 'ad',
  20001: 'politics',
  20002: 'porn',
  20003: 'abuse',
  20006: 'crime',
  20008: 'fraud',
  20012: 'vulgar',
  20013: 'copyright',
  21000: 'other',
};

/**
 * The production image check: a temporary URL of the stored photo goes to mediaCheckAsync; WeChat pushes
 * the verdict to the `mediacheck` function within 30 minutes, keyed by the trace id answered here.
 */
export class WechatImageCheck implements ImageCheck {
  constructor(
    private readonly check: WechatContentCheck,
    private readonly storage: PhotoStorage,
  ) {}

  /**
   * mediaCheckAsync wants the openid of a WeChat user who used the mini program lately: a client system's
   * photo (an Open311 file part) has none, so it is held for a moderator, as its text is.
   */
  async submit(fileId: string, openid: string): Promise<{ traceId: string } | { verdict: 'review' }> {
    if (!isWechatUser(openid)) return { verdict: 'review' };
    const [url] = await this.storage.displayUrls([fileId]);
    if (!url) throw new WechatApiError(OPENAPI.mediaCheckAsync, -1, `no URL for ${fileId}`);
    const { traceId } = await this.check.checkMediaAsync(url, openid);
    if (!traceId) throw new WechatApiError(OPENAPI.mediaCheckAsync, -1, 'no trace_id in the answer');
    return { traceId };
  }
}

/** msgSecCheck v2 takes at most 2,500 characters per call. */
export const MSG_SEC_CHECK_MAX = 2500;
/** How long the submit path waits for a verdict before holding the text for a moderator. */
export const MSG_SEC_CHECK_TIMEOUT_MS = 3000;

const SEVERITY: Record<ContentVerdict['verdict'], number> = { pass: 0, review: 1, reject: 2 };

/** Cuts text into parts of at most `max` characters (code points, never half a surrogate pair). */
export function textParts(text: string, max = MSG_SEC_CHECK_MAX): string[] {
  const chars = [...text];
  const parts: string[] = [];
  for (let i = 0; i < chars.length; i += max) parts.push(chars.slice(i, i + max).join(''));
  return parts.length > 0 ? parts : [''];
}

/**
 * Whether the text's author is a WeChat user msgSecCheck can take: it wants an openid that used the mini
 * program in the last 2 hours. A client system's pseudo-resident (12345 tickets, Open311 posts) is none.
 */
export function isWechatUser(openid: string): boolean {
  return !openid.startsWith(open311Openid(''));
}

export class WechatContentCheck implements ContentCheck {
  constructor(
    private readonly api: WechatOpenApi,
    private readonly scene: CheckScene = 3,
    private readonly timeoutMs: number = MSG_SEC_CHECK_TIMEOUT_MS,
  ) {}

  /**
   * msgSecCheck v2 (`suggest` risky → reject, review → review, pass → pass), part by part for long text (the
   * strictest part decides). Never fails the write: text without a WeChat user, a failed call or no answer
   * in time is held for a moderator (`review`), labelled why.
   */
  async check(text: string, openid: string): Promise<ContentVerdict> {
    if (!isWechatUser(openid)) return { verdict: 'review', label: 'no_wechat_user' };
    try {
      const verdicts = await Promise.all(textParts(text).map((part) => this.withTimeout(this.checkPart(part, openid))));
      return verdicts.reduce((worst, v) => (SEVERITY[v.verdict] > SEVERITY[worst.verdict] ? v : worst));
    } catch (e) {
      console.warn(`[jiefang] ${OPENAPI.msgSecCheck} gave no verdict, the text is held for a moderator:`, e instanceof Error ? e.message : e);
      return { verdict: 'review', label: e instanceof CheckTimeout ? 'check_timeout' : 'check_failed' };
    }
  }

  private async checkPart(content: string, openid: string): Promise<ContentVerdict> {
    const res = await this.api.call(OPENAPI.msgSecCheck, { content, version: 2, scene: this.scene, openid });
    const result = (res.result ?? {}) as { suggest?: string; label?: number };
    const verdict = result.suggest === 'pass' ? 'pass' : result.suggest === 'review' ? 'review' : result.suggest === 'risky' ? 'reject' : null;
    if (verdict === null) throw new WechatApiError(OPENAPI.msgSecCheck, -1, `unknown suggest ${String(result.suggest)}`);
    if (verdict === 'pass') return { verdict };
    return { verdict, label: LABELS[Number(result.label)] ?? String(result.label ?? 'other') };
  }

  private withTimeout<T>(p: Promise<T>): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new CheckTimeout(this.timeoutMs)), this.timeoutMs);
    });
    return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
  }

  /**
   * mediaCheckAsync v2: submits an image (or audio) URL; WeChat pushes the verdict later to the
   * message push endpoint, keyed by the trace id answered here.
   */
  async checkMediaAsync(mediaUrl: string, openid: string, mediaType: 'image' | 'audio' = 'image'): Promise<{ traceId: string }> {
    const res = await this.api.call(OPENAPI.mediaCheckAsync, { media_url: mediaUrl, media_type: mediaType === 'image' ? 2 : 1, version: 2, scene: this.scene, openid });
    return { traceId: `${(res.trace_id ?? '') as string}` };
  }
}

class CheckTimeout extends Error {
  constructor(ms: number) {
    super(`no answer within ${ms} ms`);
    this.name = 'CheckTimeout';
  }
}
