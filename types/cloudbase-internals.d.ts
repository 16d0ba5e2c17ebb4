/**
 * The two internal modules of @cloudbase/node-sdk that the in-process fakes replace (test/fakes/).
 * They ship without typings; these declarations cover exactly what the fakes touch.
 */
declare module '@cloudbase/node-sdk/dist/utils/tcbdbapirequester' {
  export class TcbDBApiHttpRequester {
    constructor(config: unknown);
    send(action: string, params?: Record<string, unknown>, opts?: unknown): Promise<unknown>;
  }
}

declare module '@cloudbase/node-sdk/dist/utils/tcbapirequester' {
  export function request(args: { config: unknown; params: Record<string, unknown>; method?: string; opts?: unknown; headers?: Record<string, string>; isFormData?: boolean }): Promise<unknown>;
}

declare module '@cloudbase/node-sdk/dist/utils/utils' {
  /** Throws the SDK's TcbError for an error answer (as the SDK does with what the server says). */
  export function processReturn(result: { code: string; message: string; requestId?: string }): never;
}
