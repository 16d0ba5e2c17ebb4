import { useRef, useState } from 'react';
import { errorText } from '../services/error-text';
import { choosePhotos, previewPhotos, uploadPhoto } from '../services/photos';
import { LIMITS } from '../../core/limits';

export const PHOTOS_MAX = LIMITS.photosMax;

export interface PhotoItem {
  key: string;
  path: string;
  status: 'uploading' | 'done' | 'failed';
  progress: number;
  fileId: string | null;
  error: string | null;
}

/**
 * Photos of one form: each is uploaded as soon as it is chosen; a failed one can be retried or removed,
 * and nothing else in the form is touched either way.
 */
export function usePhotoUpload(max: number = PHOTOS_MAX) {
  const [items, setItems] = useState<PhotoItem[]>([]);
  const [chooseError, setChooseError] = useState<string | null>(null);
  const seq = useRef(0);

  const patch = (key: string, p: Partial<PhotoItem>) => setItems((list) => list.map((i) => (i.key === key ? { ...i, ...p } : i)));

  const start = (key: string, path: string) => {
    patch(key, { status: 'uploading', progress: 0, error: null });
    uploadPhoto(path, (progress) => patch(key, { progress })).then(
      (fileId) => patch(key, { status: 'done', progress: 100, fileId }),
      (e: unknown) => patch(key, { status: 'failed', error: errorText(e) }),
    );
  };

  const add = async () => {
    setChooseError(null);
    try {
      const picked = await choosePhotos(max - items.length);
      const fresh = picked.map((p) => ({ key: `p${++seq.current}`, path: p.path, status: 'uploading' as const, progress: 0, fileId: null, error: null }));
      setItems((list) => [...list, ...fresh].slice(0, max));
      for (const f of fresh) start(f.key, f.path);
    } catch {
      setChooseError('没能打开相册或相机，请检查是否允许了相册和相机权限，然后再试。');
    }
  };

  const retry = (key: string) => {
    const item = items.find((i) => i.key === key);
    if (item && item.status === 'failed') start(key, item.path);
  };
  const remove = (key: string) => setItems((list) => list.filter((i) => i.key !== key));
  const preview = (key: string) => {
    const item = items.find((i) => i.key === key);
    if (item) previewPhotos(items.map((i) => i.path), item.path);
  };
  const reset = () => setItems([]);
  /** Photos uploaded before (a restored draft): shown from their URLs, already done. */
  const restore = (saved: ReadonlyArray<{ fileId: string; url: string }>) =>
    setItems(saved.slice(0, max).map((p) => ({ key: `p${++seq.current}`, path: p.url, status: 'done' as const, progress: 100, fileId: p.fileId, error: null })));

  return {
    items,
    max,
    chooseError,
    add,
    retry,
    remove,
    preview,
    reset,
    restore,
    uploading: items.some((i) => i.status === 'uploading'),
    failed: items.some((i) => i.status === 'failed'),
    fileIds: items.filter((i) => i.status === 'done' && i.fileId).map((i) => i.fileId as string),
  };
}

export type PhotoUpload = ReturnType<typeof usePhotoUpload>;

/** Why a form cannot be sent yet because of its photos, in words; null when they are all uploaded. */
export function photosNotReady(p: Pick<PhotoUpload, 'uploading' | 'failed'>): string | null {
  if (p.uploading) return '照片还在上传，请等上传完成后再提交。';
  if (p.failed) return '有照片没有传上去：请点照片上的“点此重试”，或删掉这张照片后再提交。您写的内容不会丢失。';
  return null;
}
