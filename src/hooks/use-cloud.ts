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
  /** Where the next page starts, passed back as it came; null on the last page. */
  nextCursor: string | null;
}

/** What `usePaged` asks for: nothing for the first page, then the cursor the page before gave. */
export interface PageRequest {
  cursor?: string;
}

export interface Paged<T> {
  items: T[];
  error: string | null;
  loading: boolean;
  hasMore: boolean;
  /** Reads the next page and appends it; does nothing on the last page or while a page is loading. */
  loadMore: () => void;
  /** Starts again from the first page, replacing what is shown once it arrives. Stable across renders. */
  reload: () => void;
  /** Repeats the request that failed: the first page, or the page that was to be appended. */
  retry: () => void;
}

/**
 * A list read page by page with keyset cursors, as every list of the contract is. A reload
 * supersedes a request in flight: an answer that arrives after a newer request started is dropped.
 */
export function usePaged<T>(loadPage: (request: PageRequest) => Promise<Page<T>>): Paged<T> {
  const [items, setItems] = useState<T[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const latest = useRef(loadPage);
  latest.current = loadPage;
  /** Numbers each request; only the newest may change the state. */
  const generation = useRef(0);
  const inFlight = useRef(false);
  const failed = useRef<string | undefined>(undefined);

  const fetchPage = useCallback(async (cursor: string | undefined) => {
    const mine = ++generation.current;
    inFlight.current = true;
    setLoading(true);
    setError(null);
    try {
      const page = await latest.current(cursor === undefined ? {} : { cursor });
      if (mine !== generation.current) return;
      setItems((old) => (cursor === undefined ? page.items : [...old, ...page.items]));
      setNext(page.nextCursor);
    } catch (e) {
      if (mine !== generation.current) return;
      failed.current = cursor;
      setError(errorText(e));
    } finally {
      if (mine === generation.current) {
        inFlight.current = false;
        setLoading(false);
      }
    }
  }, []);

  useEffect(() => {
    void fetchPage(undefined);
    return () => {
      generation.current += 1;
    };
  }, [fetchPage]);

  const reload = useCallback(() => void fetchPage(undefined), [fetchPage]);
  const retry = useCallback(() => void fetchPage(failed.current), [fetchPage]);
  return {
    items,
    error,
    loading,
    hasMore: next !== null,
    loadMore: () => {
      if (next !== null && !inFlight.current) void fetchPage(next);
    },
    reload,
    retry,
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
