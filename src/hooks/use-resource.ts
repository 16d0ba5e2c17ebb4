import { useCallback, useEffect, useRef, useState } from 'react';
import { codeOf } from '../services/api-error';
import { errorText } from '../services/error-text';

export interface Resource<T> {
  data: T | null;
  loading: boolean;
  /** Chinese text saying what went wrong and what to do, or null. */
  error: string | null;
  /** The raw error code, e.g. `AUTH.FORBIDDEN`, or null. */
  errorCode: string | null;
  reload: () => Promise<void>;
}

/**
 * Loads one thing with loading and error state. `load` runs on mount and again on `reload()`;
 * and whenever `key` changes. A stale answer (from a load superseded by a newer one) is dropped.
 */
export function useResource<T>(load: () => Promise<T>, options: { skip?: boolean; key?: string } = {}): Resource<T> {
  const [data, setData] = useState<T | null>(null);
  const [loading, setLoading] = useState(!options.skip);
  const [error, setError] = useState<string | null>(null);
  const [errorCode, setErrorCode] = useState<string | null>(null);
  const seq = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const reload = useCallback(async () => {
    const mine = ++seq.current;
    setLoading(true);
    setError(null);
    setErrorCode(null);
    try {
      const v = await loadRef.current();
      if (mine === seq.current) setData(v);
    } catch (e) {
      if (mine === seq.current) {
        setError(errorText(e));
        setErrorCode(codeOf(e));
      }
    } finally {
      if (mine === seq.current) setLoading(false);
    }
  }, []);

  const skip = options.skip === true;
  const key = options.key ?? '';
  useEffect(() => {
    if (!skip) void reload();
  }, [reload, skip, key]);

  return { data, loading, error, errorCode, reload };
}
