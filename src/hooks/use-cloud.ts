import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
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
  const latest = useLatest(load);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let live = true;
    latest.current().then(
      (data) => live && setState({ data, error: null, loading: false }),
      (e: unknown) => live && setState((s) => ({ ...s, error: errorText(e), loading: false })),
    );
    return () => {
      live = false;
    };
  }, [latest, tick]);

  const reload = useCallback(() => {
    setState((s) => ({ ...s, loading: true, error: null }));
    setTick((t) => t + 1);
  }, []);
  return { ...state, reload };
}

/** A ref that always holds the newest `value`, updated after each render (never during one). */
function useLatest<V>(value: V): { readonly current: V } {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
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
  const [loading, setLoading] = useState(true);
  const latest = useLatest(loadPage);
  /** Numbers each request; only the newest may change the state. */
  const generation = useRef(0);
  const inFlight = useRef(false);
  const failed = useRef<string | undefined>(undefined);

  /** Reads one page: the first when `cursor` is undefined (replacing the list), else the one to append. */
  const run = useCallback(
    (cursor: string | undefined) => {
      const mine = ++generation.current;
      inFlight.current = true;
      void latest
        .current(cursor === undefined ? {} : { cursor })
        .then(
          (page) => {
            if (mine !== generation.current) return;
            setItems((old) => (cursor === undefined ? page.items : [...old, ...page.items]));
            setNext(page.nextCursor);
            setError(null);
          },
          (e: unknown) => {
            if (mine !== generation.current) return;
            failed.current = cursor;
            setError(errorText(e));
          },
        )
        .finally(() => {
          if (mine !== generation.current) return;
          inFlight.current = false;
          setLoading(false);
        });
    },
    [latest],
  );

  const fetchPage = useCallback(
    (cursor: string | undefined) => {
      setLoading(true);
      setError(null);
      run(cursor);
    },
    [run],
  );

  useEffect(() => {
    run(undefined);
    return () => {
      generation.current += 1;
    };
  }, [run]);

  const reload = useCallback(() => fetchPage(undefined), [fetchPage]);
  const retry = useCallback(() => fetchPage(failed.current), [fetchPage]);
  return {
    items,
    error,
    loading,
    hasMore: next !== null,
    loadMore: () => {
      if (next !== null && !inFlight.current) fetchPage(next);
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
