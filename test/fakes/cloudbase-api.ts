/**
 * An in-process fake of CloudBase's non-database API, at the SDK's one request function
 * (`request` in `@cloudbase/node-sdk/dist/utils/tcbapirequester`), through which `getTempFileURL`
 * (`storage.batchGetDownloadUrl`), `deleteFile` (`storage.batchDeleteFile`) and WeChat's cloud call travel.
 * The cloud call is wx-server-sdk's `cloud.openapi` → `callCompatibleWxOpenApi` (action `wx.openApi`,
 * protobuf bodies); wx-server-sdk may carry its own copy of node-sdk, so the fake sits in both copies.
 * The SDKs' own code builds the request and reads the answer. Each test says how an action answers; any
 * other action fails loudly.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { decodeOpenApiRequest, encodeOpenApiAnswer } from './wx-openapi-wire';

type Params = Record<string, unknown>;
type Handler = (params: Params) => unknown;
type Requester = typeof import('@cloudbase/node-sdk/dist/utils/tcbapirequester');

/**
 * The SDK's module object itself (through require, whose exports are assignable), not an ES namespace
 * view of it: under tsx (the bench) a namespace's members are read-only getters.
 */
const requester = createRequire(__filename)('@cloudbase/node-sdk/dist/utils/tcbapirequester') as Requester;

/** node-sdk as wx-server-sdk resolves it (its own nested copy when versions differ). */
function wxServerSdkRequester(): Requester {
  const here = createRequire(__filename);
  const fromSdk = createRequire(path.join(path.dirname(here.resolve('wx-server-sdk')), 'index.js'));
  return fromSdk('@cloudbase/node-sdk/dist/utils/tcbapirequester') as Requester;
}

/** One WeChat OpenAPI call as the fake saw it: the API's name and its parameters. */
export interface OpenApiRequest {
  apiName: string;
  data: Record<string, unknown>;
}

export class FakeCloudbaseApi {
  readonly requests: Params[] = [];
  /** Every `wx.openApi` call, decoded. */
  readonly openApiRequests: OpenApiRequest[] = [];
  private readonly handlers = new Map<string, Handler>();
  private originals: { mod: Requester; request: Requester['request'] }[] = [];

  install(): this {
    if (this.originals.length > 0) return this;
    for (const mod of new Set([requester, wxServerSdkRequester()])) {
      this.originals.push({ mod, request: mod.request });
      (mod).request = async (args) => {
        const params = args.params as Params;
        this.requests.push(structuredClone(params));
        const handler = this.handlers.get(String(params.action));
        if (!handler) throw new Error(`fake CloudBase API: unknown request ${String(params.action)} ${JSON.stringify(params)}`);
        const answer = await handler(params);
        return Buffer.isBuffer(answer) ? answer : { requestId: `fake-${this.requests.length}`, ...(answer as object) };
      };
    }
    return this;
  }

  uninstall(): void {
    for (const { mod, request } of this.originals) (mod).request = request;
    this.originals = [];
  }

  on(action: string, handler: Handler): this {
    this.handlers.set(action, handler);
    return this;
  }

  /**
   * Answers WeChat OpenAPI cloud calls as WeChat would: the API's JSON, in a protobuf CommOpenApiResp.
   * `answer` may throw or never settle, to stand for a failed or hanging call.
   */
  onWxOpenApi(answer: (apiName: string, data: Record<string, unknown>) => Record<string, unknown> | Promise<Record<string, unknown>>): this {
    return this.on('wx.openApi', async (p) => {
      const { data } = decodeOpenApiRequest(p.requestData as Buffer);
      const apiName = String(p.apiName);
      this.openApiRequests.push({ apiName, data });
      return encodeOpenApiAnswer(await answer(apiName, data));
    });
  }
}
