/**
 * Photos sent as file parts of a multipart `POST requests` (as FixMyStreet and `three` send them): checked
 * like the app's uploads (a JPEG, PNG or WebP image by its magic bytes, at most the app's size), stored
 * through the PhotoStorage port as uploads of the client's pseudo-resident, and put through the image check
 * with the request (held until checked). Views give display URLs of the photos a client may see.
 */
import { imageTypeOf, PHOTO_MAX_BYTES, shownPhotoUrlLists } from '../concerns/photos';
import type { Caller } from '../model';
import type { Deps, PhotoType } from '../ports';
import { fail, OPEN311_LIMITS, type Open311Env, type Open311FilePart } from './open311-common';

/** A file part that passed the checks: its bytes and the image type they are. */
export interface PhotoPart {
  bytes: Uint8Array;
  type: PhotoType;
}

/**
 * The photo file parts of a POST, checked; refuses (400, or 413 for a photo over the size limit) before
 * anything is stored. An empty part without a file name (a form's unused file input) is no photo.
 */
export function photoParts(env: Open311Env, files: readonly Open311FilePart[], mediaUrls: number): PhotoPart[] {
  const sent = files.filter((f) => f.bytes.length > 0 || f.filename !== '');
  if (sent.length === 0) return [];
  if (!env.deps.photos || !env.deps.imageCheck) fail(400, 'this deployment stores no photo files: send photos as media_url');
  if (sent.length + mediaUrls > OPEN311_LIMITS.mediaUrls) fail(400, `at most ${OPEN311_LIMITS.mediaUrls} photos (media_url and files together)`);
  const max = env.maxPhotoBytes ?? PHOTO_MAX_BYTES;
  return sent.map((f) => {
    const name = f.filename || f.field;
    if (f.bytes.length > max) fail(413, `photo ${name} is over ${max} bytes`);
    const type = imageTypeOf(f.bytes);
    if (type === null) return fail(400, `file part ${name} is not a JPEG, PNG or WebP image`);
    return { bytes: f.bytes, type };
  });
}

/** Stores the photos as the owner's uploads; answers their file ids. A failure part way deletes what was stored. */
export async function storePhotoParts(deps: Deps, owner: string, parts: readonly PhotoPart[]): Promise<string[]> {
  if (parts.length === 0) return [];
  const storage = deps.photos!;
  const ids: string[] = [];
  try {
    for (const p of parts) ids.push(await storage.upload(owner, p.bytes, p.type));
  } catch (e) {
    await storage.delete(ids);
    throw e;
  }
  return ids;
}

/**
 * The media_url of each request for a client reading as `reader` (its pseudo-resident), or none: a client's
 * own media links as sent, stored photos as display URLs — a held or rejected photo only to the client that
 * sent it, as in the app. A relative URL (the local server's /uploads/) is made absolute with `origin`.
 */
export async function mediaUrls(deps: Deps, reader: Caller, lists: ReadonlyArray<readonly string[]>, origin: string | null): Promise<Array<string | null>> {
  const shown = await shownPhotoUrlLists(deps, reader, lists);
  return shown.map((urls) => {
    const u = urls[0];
    if (u === undefined) return null;
    return u.startsWith('/') && origin ? origin + u : u;
  });
}
