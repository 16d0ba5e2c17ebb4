/**
 * Photos from the phone to storage: choose or take (Taro.chooseMedia), shrink on the device to a long
 * edge (Taro.compressImage in weapp, a canvas in H5), then upload with progress — to CloudBase storage
 * in weapp (file ids `cloud://…`), to the local cloud's /api/upload in H5 (`local://uploads/…`).
 */
import Taro from '@tarojs/taro';
import { ApiError, NETWORK_FAILED } from './api-error';
import type { WireResult } from '../../core/errors';
import { getToken } from './auth';
import { call } from './api';

/** Longest edge after compression, in pixels (TARO_APP_PHOTO_LONG_EDGE, default 1280). */
export const PHOTO_LONG_EDGE = Number(process.env.TARO_APP_PHOTO_LONG_EDGE) > 0 ? Number(process.env.TARO_APP_PHOTO_LONG_EDGE) : 1280;
const JPEG_QUALITY = 0.8;

export interface PickedPhoto {
  /** A local path (weapp temp file, H5 blob URL) for the thumbnail and the upload. */
  path: string;
}

/** Lets the resident take or choose up to `count` photos; an empty list when they cancel. */
export async function choosePhotos(count: number): Promise<PickedPhoto[]> {
  if (count <= 0) return [];
  try {
    const res = await Taro.chooseMedia({ count, mediaType: ['image'], sourceType: ['album', 'camera'], sizeType: ['compressed'] });
    return res.tempFiles.slice(0, count).map((f) => ({ path: f.tempFilePath }));
  } catch (e) {
    const msg = (e as { errMsg?: string } | null)?.errMsg ?? '';
    if (/cancel|abort/i.test(msg)) return [];
    throw e;
  }
}

/** The long edge scaled down to PHOTO_LONG_EDGE, keeping the aspect; never scaled up. */
export function fitLongEdge(width: number, height: number, longEdge = PHOTO_LONG_EDGE): { width: number; height: number } {
  const long = Math.max(width, height);
  if (long <= longEdge || long === 0) return { width, height };
  const k = longEdge / long;
  return { width: Math.max(1, Math.round(width * k)), height: Math.max(1, Math.round(height * k)) };
}

async function compressH5(path: string): Promise<Blob> {
  const source = await (await fetch(path)).blob();
  const img = await new Promise<HTMLImageElement>((resolve, reject) => {
    const el = new Image();
    el.onload = () => resolve(el);
    el.onerror = () => reject(new Error('not an image'));
    el.src = path;
  });
  const size = fitLongEdge(img.naturalWidth, img.naturalHeight);
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) return source;
  ctx.drawImage(img, 0, 0, size.width, size.height);
  const out = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', JPEG_QUALITY));
  // A small photo can come out bigger as a JPEG: keep whichever is smaller.
  return out && (out.size < source.size || !/^image\/(jpeg|png|webp)$/.test(source.type)) ? out : source;
}

async function compressWeapp(path: string): Promise<string> {
  try {
    const info = await Taro.getImageInfo({ src: path });
    const size = fitLongEdge(info.width, info.height);
    const res = await Taro.compressImage({ src: path, quality: Math.round(JPEG_QUALITY * 100), compressedWidth: size.width, compressedHeight: size.height });
    return res.tempFilePath;
  } catch {
    // Older WeChat versions cannot compress: upload the photo as chosen (already 'compressed' by chooseMedia).
    return path;
  }
}

function uploadH5(blob: Blob, onProgress: (percent: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${(process.env.TARO_APP_API_BASE ?? '').replace(/\/+$/, '')}/api/upload`);
    xhr.setRequestHeader('Authorization', `Bearer ${getToken()}`);
    xhr.setRequestHeader('Content-Type', blob.type || 'image/jpeg');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.min(99, Math.round((e.loaded / e.total) * 100)));
    };
    xhr.onerror = () => reject(new ApiError(NETWORK_FAILED, 'upload failed'));
    xhr.onabort = () => reject(new ApiError(NETWORK_FAILED, 'upload aborted'));
    xhr.onload = () => {
      let body: WireResult<{ fileId: string; url?: string }> | null = null;
      try {
        body = JSON.parse(xhr.responseText) as WireResult<{ fileId: string; url?: string }>;
      } catch {
        body = null;
      }
      if (body && body.ok) {
        onProgress(100);
        if (body.data.url) UPLOADED_URLS.set(body.data.fileId, body.data.url);
        resolve(body.data.fileId);
      } else reject(new ApiError(body && !body.ok ? body.code : NETWORK_FAILED, `HTTP ${xhr.status}`));
    };
    xhr.send(blob);
  });
}

/**
 * The signed-in person's upload folder, asked once: photos go into their own folder, which the server
 * checks. The server names it (`photoFolder`): never the openid, which a file's path would show to others.
 */
let myFolder: Promise<string> | null = null;
function ownFolder(): Promise<string> {
  const asked =
    myFolder ??
    call('me/profile', {})
      .then((p) => p.photoFolder.replace(/\/+$/, ''))
      .catch((e: unknown) => {
        myFolder = null;
        throw e;
      });
  myFolder = asked;
  return asked;
}

async function uploadWeapp(path: string, onProgress: (percent: number) => void): Promise<string> {
  const env = process.env.TARO_APP_CLOUD_ENV;
  Taro.cloud.init(env ? { env } : {});
  const name = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}.jpg`;
  const folder = await ownFolder();
  return new Promise((resolve, reject) => {
    const task = Taro.cloud.uploadFile({
      cloudPath: `${folder}/${name}`,
      filePath: path,
      success: (res) => resolve(res.fileID),
      fail: (e) => reject(new ApiError(NETWORK_FAILED, e.errMsg)),
    }) as unknown as { onProgressUpdate?: (cb: (r: { progress: number }) => void) => void } | undefined;
    task?.onProgressUpdate?.((r) => onProgress(Math.min(99, r.progress)));
  });
}

/** Display URLs of this session's uploads (H5: the server's answer), for a draft that outlives the local file. */
const UPLOADED_URLS = new Map<string, string>();

/** Where an uploaded photo can be shown from after a reload: its display URL, or (weapp) the cloud file id itself. */
export function uploadedPhotoUrl(fileId: string): string | null {
  return UPLOADED_URLS.get(fileId) ?? (fileId.startsWith('cloud://') ? fileId : null);
}

/** Compresses and uploads one photo; answers its file id. Throws ApiError (retry keeps the rest of the form). */
export async function uploadPhoto(path: string, onProgress: (percent: number) => void): Promise<string> {
  onProgress(0);
  if (process.env.TARO_ENV === 'h5') return uploadH5(await compressH5(path), onProgress);
  return uploadWeapp(await compressWeapp(path), onProgress);
}

/** Full-screen view of photos, starting at `current`. */
export function previewPhotos(urls: string[], current: string): void {
  void Taro.previewImage({ urls, current }).catch(() => undefined);
}
