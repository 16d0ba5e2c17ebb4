import { useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '../../core/views';
import { errorText } from '../services/error-text';

export interface PagedList<T> {
  items: T[];
  /** First page loading. */
  loading: boolean;
  /** A further page loading. */
  loadingMore: boolean;
  hasMore: boolean;
  error: string | null;
  /** Error of the last "load more", shown under the list without hiding what is there. */
  moreError: string | null;
  reload: () => Promise<void>;
  loadMore: () => Promise<void>;
}

/**
 * A cursor-paged list: first page on mount, when `key` changes and when the page is shown again;
 * further pages on demand.
 */
export function usePagedList<T>(fetchPage: (cursor: string | undefined) => Promise<Page<T>>, key = ''): PagedList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [moreError, setMoreError] = useState<string | null>(null);
  const seq = useRef(0);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;

  const reload = useCallback(async () => {
    const mine = ++seq.current;
    setLoading(true);
    setError(null);
    setMoreError(null);
    try {
      const page = await fetchRef.current(undefined);
      if (mine !== seq.current) return;
      setItems(page.items);
      setCursor(page.nextCursor);
    } catch (e) {
      if (mine === seq.current) setError(errorText(e));
    } finally {
      if (mine === seq.current) setLoading(false);
    }
  }, []);

  const loadMore = useCallback(async () => {
    if (!cursor || loadingMore) return;
    const mine = seq.current;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const page = await fetchRef.current(cursor);
      if (mine !== seq.current) return;
      setItems((prev) => [...prev, ...page.items]);
      setCursor(page.nextCursor);
    } catch (e) {
      if (mine === seq.current) setMoreError(errorText(e));
    } finally {
      setLoadingMore(false);
    }
  }, [cursor, loadingMore]);

  useEffect(() => {
    void reload();
  }, [reload, key]);

  // Coming back to the page (e.g. after handling a concern): show fresh states.
  const shownOnce = useRef(false);
  useDidShow(() => {
    if (shownOnce.current) void reload();
    shownOnce.current = true;
  });

  return { items, loading, loadingMore, hasMore: cursor !== null, error, moreError, reload, loadMore };
}
