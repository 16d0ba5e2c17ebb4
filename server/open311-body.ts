/**
 * A POST body as Open311 clients send it: form-encoded (the spec), JSON, or multipart/form-data (FixMyStreet
 * and `three`), decoded by the runtime's own WHATWG `Response.formData()` parser. Multipart text fields keep
 * every repeated value; file parts (photos) are handed on as bytes, checked and stored by the handler.
 */
import type { Open311FilePart, Open311HttpRequest } from '../core/open311/open311';

export type DecodedBody = Pick<Open311HttpRequest, 'body' | 'form' | 'files'> | { refused: string };

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
  const files: Open311FilePart[] = [];
  const blobs: Array<{ field: string; file: File }> = [];
  data.forEach((v, field) => {
    if (typeof v === 'string') form.push([field, v]);
    else blobs.push({ field, file: v });
  });
  for (const { field, file } of blobs) files.push({ field, filename: file.name, type: file.type, bytes: new Uint8Array(await file.arrayBuffer()) });
  return { body: null, form, files };
}
