import { useCallback, useEffect, useRef, useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { errorText } from '../services/cloud';

export interface Loaded<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
  reload: () => void;
}

/** Runs `load` on mount and on `reload`, keeping the last answer, the Chinese error text and a loading flag. */
export function useLoad<T>(load: () => Promise<T>): Loaded<T> {
  const [state, setState] = useState<{ data: T | null; error: string | null; loading: boolean }>({
    data: null,
    error: null,
    loading: true,
  });
  const latest = useRef(load);
  latest.current = load;
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    latest.current().then(
      (data) => live && setState({ data, error: null, loading: false }),
      (e: unknown) => live && setState((s) => ({ ...s, error: errorText(e), loading: false })),
    );
    return () => {
      live = false;
    };
  }, [tick]);

  return { ...state, reload: useCallback(() => setTick((t) => t + 1), []) };
}

export interface Page<T> {
  items: T[];
  nextCursor: number | null;
}

export interface Paged<T> {
  items: T[];
  error: string | null;
  loading: boolean;
  hasMore: boolean;
  loadMore: () => void;
  reload: () => void;
}

/** A list read page by page through `cursor`, as every list of the contract is. */
export function usePaged<T>(loadPage: (cursor: number) => Promise<Page<T>>): Paged<T> {
  const [items, setItems] = useState<T[]>([]);
  const [next, setNext] = useState<number | null>(0);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const latest = useRef(loadPage);
  latest.current = loadPage;
  const busy = useRef(false);

  const fetchPage = useCallback(async (cursor: number, replace: boolean) => {
    if (busy.current) return;
    busy.current = true;
    setLoading(true);
    setError(null);
    try {
      const page = await latest.current(cursor);
      setItems((old) => (replace ? page.items : [...old, ...page.items]));
      setNext(page.nextCursor);
    } catch (e) {
      setError(errorText(e));
    } finally {
      busy.current = false;
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void fetchPage(0, true);
  }, [fetchPage]);

  return {
    items,
    error,
    loading,
    hasMore: next !== null,
    loadMore: () => next !== null && void fetchPage(next, false),
    reload: () => void fetchPage(0, true),
  };
}

/** Calls `refresh` when the user comes back to the page (not on its first show, which already loads). */
export function useRefreshOnReturn(refresh: () => void): void {
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) refresh();
    shown.current = true;
  });
}
