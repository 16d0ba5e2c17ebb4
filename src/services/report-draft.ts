/**
 * The report being written, kept on the phone (#17): text, category, place, location and the photos already
 * uploaded survive closing the app or a reload; a submit that failed for the network stays `pending` with
 * its requestId, so the retry when the network returns is recognised by the backend and stored once.
 */
import Taro from '@tarojs/taro';
import type { Position } from './location';

const KEY = 'jiefang.reportDraft';
const VERSION = 1;

export interface DraftPhoto {
  fileId: string;
  /** Where the uploaded photo is shown from (a display URL, or the file id weapp shows itself). */
  url: string;
}

export interface ReportDraft {
  v: typeof VERSION;
  villageId: string | null;
  cooperativeId: string | null;
  category: string | null;
  description: string;
  position: Position | null;
  photos: DraftPhoto[];
  requestId: string;
  /** A submit failed for the network: it is sent again when the network returns. */
  pending: boolean;
}

export function loadDraft(): ReportDraft | null {
  try {
    const d = Taro.getStorageSync<ReportDraft | '' | undefined>(KEY);
    return d && typeof d === 'object' && d.v === VERSION && typeof d.requestId === 'string' ? d : null;
  } catch {
    return null;
  }
}

/** An empty form is not a draft. */
export function isEmptyDraft(d: Omit<ReportDraft, 'v' | 'requestId' | 'pending'>): boolean {
  return !d.villageId && !d.category && d.description.trim() === '' && !d.position && d.photos.length === 0;
}

export function saveDraft(d: Omit<ReportDraft, 'v'>): void {
  try {
    if (isEmptyDraft(d) && !d.pending) Taro.removeStorageSync(KEY);
    else Taro.setStorageSync(KEY, { ...d, v: VERSION });
  } catch {
    // Storage full or unavailable: the form still works, it is only not kept.
  }
}

export function clearDraft(): void {
  try {
    Taro.removeStorageSync(KEY);
  } catch {
    // Nothing kept to clear.
  }
}

/** Calls `back` whenever the network comes back; answers the unsubscribe. */
export function onBackOnline(back: () => void): () => void {
  const onChange = (r: { isConnected: boolean }) => {
    if (r.isConnected) back();
  };
  Taro.onNetworkStatusChange(onChange);
  // H5: Taro listens to navigator.connection, which not every browser has; `online` is everywhere.
  const win = process.env.TARO_ENV === 'h5' && typeof window !== 'undefined' ? window : null;
  win?.addEventListener('online', back);
  return () => {
    Taro.offNetworkStatusChange(onChange);
    win?.removeEventListener('online', back);
  };
}
