import { useEffect, useRef, useState } from 'react';
import { uploadedPhotoUrl } from '../services/photos';
import { clearDraft, loadDraft, onBackOnline, saveDraft, type ReportDraft } from '../services/report-draft';
import type { Position } from '../services/location';

/** What of the report form a draft keeps (see services/report-draft.ts). */
export interface DraftFields {
  villageId: string | null;
  cooperativeId: string | null;
  category: string | null;
  description: string;
  position: Position | null;
  photoIds: string[];
  requestId: string;
}

/**
 * Keeps the report form on the phone while it is written, restores it once when the page opens, and
 * sends a submit that failed offline again when the network returns (same requestId: stored once).
 */
export function useReportDraft(fields: DraftFields, restore: (d: ReportDraft) => void, resend: () => void) {
  const [pending, setPending] = useState(false);
  const [restored, setRestored] = useState(false);
  const loaded = useRef(false);
  const resendRef = useRef(resend);
  resendRef.current = resend;
  // Photo URLs known for each file id, kept across saves (a restored photo has no local file).
  const urls = useRef(new Map<string, string>());

  useEffect(() => {
    const d = loadDraft();
    if (d) {
      for (const p of d.photos) urls.current.set(p.fileId, p.url);
      restore(d);
      setPending(d.pending);
      setRestored(true);
    }
    loaded.current = true;
    // Restored once, when the page opens: no dependencies on purpose.
  }, []);

  const { villageId, cooperativeId, category, description, position, photoIds, requestId } = fields;
  const photoKey = photoIds.join(',');
  useEffect(() => {
    if (!loaded.current) return;
    const photos = photoIds.map((fileId) => {
      const url = urls.current.get(fileId) ?? uploadedPhotoUrl(fileId);
      if (url) urls.current.set(fileId, url);
      return { fileId, url: url ?? '' };
    });
    saveDraft({ villageId, cooperativeId, category, description, position, photos, requestId, pending });
    // photoKey stands for photoIds (a new array each render).
  }, [villageId, cooperativeId, category, description, position, photoKey, requestId, pending]);

  // A pending submit goes again when the network returns, and once when the page opens.
  useEffect(() => {
    if (!pending) return undefined;
    const timer = setTimeout(() => resendRef.current(), 0);
    const off = onBackOnline(() => resendRef.current());
    return () => {
      clearTimeout(timer);
      off();
    };
  }, [pending]);

  return {
    /** A submit failed offline and waits for the network. */
    pending,
    restored,
    markPending: () => setPending(true),
    /** The report is stored: nothing to keep any more. */
    done: () => {
      setPending(false);
      loaded.current = false;
      clearDraft();
    },
  };
}
