/**
 * An in-process fake of CloudBase's non-database API, at the SDK's one request function
 * (`request` in `@cloudbase/node-sdk/dist/utils/tcbapirequester`), through which `callWxOpenApi`
 * (action `wx.api`), `getTempFileURL` (`storage.batchGetDownloadUrl`) and `deleteFile`
 * (`storage.batchDeleteFile`) travel. The SDK's own code builds the request and reads the answer.
 * Each test says how an action answers; any other action fails loudly.
 */
import * as requester from '@cloudbase/node-sdk/dist/utils/tcbapirequester';

type Params = Record<string, unknown>;
type Handler = (params: Params) => unknown;

export class FakeCloudbaseApi {
  readonly requests: Params[] = [];
  private readonly handlers = new Map<string, Handler>();
  private original: typeof requester.request | null = null;

  install(): this {
    if (this.original) return this;
    this.original = requester.request;
    (requester as { request: typeof requester.request }).request = async (args) => {
      const params = args.params;
      this.requests.push(structuredClone(params));
      const handler = this.handlers.get(String(params.action));
      if (!handler) throw new Error(`fake CloudBase API: unknown request ${String(params.action)} ${JSON.stringify(params)}`);
      return { requestId: `fake-${this.requests.length}`, ...(handler(params) as object) };
    };
    return this;
  }

  uninstall(): void {
    if (this.original) (requester as { request: typeof requester.request }).request = this.original;
    this.original = null;
  }

  on(action: string, handler: Handler): this {
    this.handlers.set(action, handler);
    return this;
  }

  /** Answers `wx.api` calls as WeChat would: the API's JSON in `data.responseData`. */
  onWxApi(answer: (apiName: string, requestData: Record<string, unknown>) => Record<string, unknown>): this {
    return this.on('wx.api', (p) => ({ data: { responseData: JSON.stringify(answer(String(p.apiName), JSON.parse(String(p.requestData)) as Record<string, unknown>)) } }));
  }
}
