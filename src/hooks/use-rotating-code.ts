import { useEffect, useRef, useState } from 'react';
import type { CodeView } from '../../core/views';

/** How often a shown code is fetched anew: well inside the server's minute, so the screen never lags a window. */
export const CODE_REFRESH_MS = 20_000;

/**
 * A signed code that changes every minute (check-in and personal codes): starts from the one the page
 * loaded and asks the server for the current one every CODE_REFRESH_MS while the component is shown;
 * the timer is cleared when it goes. A failed refresh keeps the last code (still accepted for a minute)
 * and says so; the next tick tries again.
 */
export function useRotatingCode(initial: string, refresh: () => Promise<CodeView>): { text: string; stale: boolean } {
  const [text, setText] = useState(initial);
  const [stale, setStale] = useState(false);
  const latest = useRef(refresh);
  latest.current = refresh;
  useEffect(() => setText(initial), [initial]);
  useEffect(() => {
    let live = true;
    const timer = setInterval(() => {
      latest.current().then(
        (c) => {
          if (!live) return;
          setText(c.qr);
          setStale(false);
        },
        () => live && setStale(true),
      );
    }, CODE_REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, []);
  return { text, stale };
}
