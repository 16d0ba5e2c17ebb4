import { useState } from 'react';
import { errorText } from '../services/error-text';

/**
 * One action at a time on a page: `busy` names the running one (for its button's spinner), a tap while
 * another runs is ignored, and a failure becomes `actionError`, in Chinese.
 */
export function useOneAction() {
  const [busy, setBusy] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const run = async (key: string, send: () => Promise<void>): Promise<void> => {
    if (busy) return;
    setBusy(key);
    setActionError(null);
    try {
      await send();
    } catch (e) {
      setActionError(errorText(e));
    } finally {
      setBusy(null);
    }
  };
  return { busy, actionError, setActionError, run };
}
