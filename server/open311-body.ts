/**
 * A POST body as Open311 clients send it: form-encoded (the spec), JSON, or multipart/form-data (FixMyStreet
 * and `three`), decoded by the runtime's own WHATWG `Response.formData()` parser. Multipart text fields keep
 * every repeated value; file parts are refused with a clear 400 (photos go by `media_url`).
 */
import type { Open311HttpRequest } from '../core/open311';

export type DecodedBody = Pick<Open311HttpRequest, 'body' | 'form'> | { refused: string };

export async function decodeBody(raw: Buffer | null, contentType: string | null): Promise<DecodedBody> {
  if (raw === null) return { body: null };
  if (!/^multipart\/form-data/i.test(contentType ?? '')) return { body: raw.toString('utf8') };
  let data: FormData;
  try {
    data = await new Response(new Uint8Array(raw), { headers: { 'content-type': contentType! } }).formData();
  } catch {
    return { refused: 'multipart/form-data body could not be read' };
  }
  const form: Array<[string, string]> = [];
  let failed: string | null = null;
  data.forEach((v, k) => {
    if (failed !== null) return;
    if (typeof v !== 'string') failed = `file part ${k} is not accepted: send photos as media_url`;
    else form.push([k, v]);
  });
  if (failed !== null) return { refused: failed };
  return { body: null, form };
}
