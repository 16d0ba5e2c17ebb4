/**
 * WeChat OpenAPI through CloudBase's cloud call (`app.callWxOpenApi`, action `wx.api`): content checks
 * and subscribe messages. Each function that uses an API lists it in its config.json
 * (`permissions.openapi`, written by scripts/build-functions.ts) or the call fails with -604101.
 */
import type tcb from '@cloudbase/node-sdk';
import type { ContentCheck, ContentVerdict, ImageCheck, PhotoStorage } from '../core/ports';

type CloudBase = ReturnType<typeof tcb.init>;

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

/** Calls one OpenAPI and answers its JSON, throwing on a non-zero errcode. */
export class WechatOpenApi {
  constructor(private readonly app: Pick<CloudBase, 'callWxOpenApi'>) {}

  async call(apiName: string, requestData: Record<string, unknown>): Promise<Record<string, unknown>> {
    const res = await this.app.callWxOpenApi({ apiName, requestData });
    const result = (typeof res.result === 'string' ? JSON.parse(res.result) : res.result) as Record<string, unknown> | null;
    if (!result || typeof result !== 'object') throw new WechatApiError(apiName, -1, `unexpected answer ${JSON.stringify(res.result)}`);
    const errcode = Number(result.errcode ?? result.errCode ?? 0);
    if (errcode !== 0) throw new WechatApiError(apiName, errcode, String(result.errmsg ?? result.errMsg ?? ''));
    return result;
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

  async submit(fileId: string, openid: string): Promise<{ traceId: string }> {
    const [url] = await this.storage.displayUrls([fileId]);
    if (!url) throw new WechatApiError(OPENAPI.mediaCheckAsync, -1, `no URL for ${fileId}`);
    const { traceId } = await this.check.checkMediaAsync(url, openid);
    if (!traceId) throw new WechatApiError(OPENAPI.mediaCheckAsync, -1, 'no trace_id in the answer');
    return { traceId };
  }
}

export class WechatContentCheck implements ContentCheck {
  constructor(
    private readonly api: WechatOpenApi,
    private readonly scene: CheckScene = 3,
  ) {}

  /** msgSecCheck v2: `suggest` risky → reject, review → review, pass → pass. */
  async check(text: string, openid: string): Promise<ContentVerdict> {
    const res = await this.api.call(OPENAPI.msgSecCheck, { content: text, version: 2, scene: this.scene, openid });
    const result = (res.result ?? {}) as { suggest?: string; label?: number };
    const verdict = result.suggest === 'pass' ? 'pass' : result.suggest === 'review' ? 'review' : result.suggest === 'risky' ? 'reject' : null;
    if (verdict === null) throw new WechatApiError(OPENAPI.msgSecCheck, -1, `unknown suggest ${String(result.suggest)}`);
    if (verdict === 'pass') return { verdict };
    return { verdict, label: LABELS[Number(result.label)] ?? String(result.label ?? 'other') };
  }

  /**
   * mediaCheckAsync v2: submits an image (or audio) URL; WeChat pushes the verdict later to the
   * message push endpoint, keyed by the trace id answered here.
   */
  async checkMediaAsync(mediaUrl: string, openid: string, mediaType: 'image' | 'audio' = 'image'): Promise<{ traceId: string }> {
    const res = await this.api.call(OPENAPI.mediaCheckAsync, { media_url: mediaUrl, media_type: mediaType === 'image' ? 2 : 1, version: 2, scene: this.scene, openid });
    return { traceId: String(res.trace_id ?? '') };
  }
}
