import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { errorText, isNetworkFailure } from '../services/cloud';
import { readSavedCopy, writeSavedCopy } from './saved-copy';

/** Whether what is shown is a copy saved earlier because the cloud could not be reached. */
export interface Offline {
  /**
   * The newest request failed for want of a network (isNetworkFailure) and the content shown is
   * the copy received at `savedAt`; `error` stays null. Only with a `cacheKey`.
   */
  offline: boolean;
  /** When the content shown while offline was received from the cloud (ISO); null when not offline. */
  savedAt: string | null;
}

export interface CacheOptions {
  /**
   * Keeps the answer on the phone under this name, for the person signed in (usePaged: the first
   * page). Next time it is shown at once while the fresh request runs, and it stays shown, marked
   * `offline`, when that request cannot reach the cloud. Read once, when the page opens.
   */
  cacheKey?: string;
}

export interface Loaded<T> extends Offline {
  data: T | null;
  error: string | null;
  loading: boolean;
  reload: () => void;
}

const online: Offline = { offline: false, savedAt: null };

/** Runs `load` on mount and on `reload`, keeping the last answer, the Chinese error text and a loading flag. */
export function useLoad<T>(load: () => Promise<T>, { cacheKey }: CacheOptions = {}): Loaded<T> {
  const [saved] = useState(() => readSavedCopy<T>(cacheKey));
  const [state, setState] = useState<Omit<Loaded<T>, 'reload'>>({ data: saved?.data ?? null, error: null, loading: true, ...online });
  /** When the data shown was received; null when none was, or without a cache key. */
  const receivedAt = useRef(saved?.savedAt ?? null);
  const latest = useLatest(load);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let live = true;
    latest.current().then(
      (data) => {
        if (!live) return;
        if (cacheKey !== undefined) receivedAt.current = writeSavedCopy(cacheKey, data);
        setState({ data, error: null, loading: false, ...online });
      },
      (e: unknown) => {
        if (!live) return;
        const savedAt = receivedAt.current;
        if (savedAt !== null && isNetworkFailure(e)) setState((s) => ({ ...s, loading: false, offline: true, savedAt }));
        else setState((s) => ({ ...s, error: errorText(e), loading: false, ...online }));
      },
    );
    return () => {
      live = false;
    };
  }, [latest, tick, cacheKey]);

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

export interface Paged<T> extends Offline {
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
 * With a `cacheKey`, the first page is kept on the phone (see CacheOptions).
 */
export function usePaged<T>(loadPage: (request: PageRequest) => Promise<Page<T>>, { cacheKey }: CacheOptions = {}): Paged<T> {
  const [saved] = useState(() => readSavedCopy<Page<T>>(cacheKey));
  const [items, setItems] = useState<T[]>(saved?.data.items ?? []);
  const [next, setNext] = useState<string | null>(saved?.data.nextCursor ?? null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [offline, setOffline] = useState<Offline>(online);
  /** When the first page shown was received; null when none was, or without a cache key. */
  const receivedAt = useRef(saved?.savedAt ?? null);
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
            if (cursor === undefined && cacheKey !== undefined) {
              receivedAt.current = writeSavedCopy(cacheKey, page);
              setOffline(online);
            }
          },
          (e: unknown) => {
            if (mine !== generation.current) return;
            failed.current = cursor;
            const savedAt = receivedAt.current;
            // A next page that fails leaves the list as it is and says why, as without a cache.
            if (cursor === undefined && savedAt !== null && isNetworkFailure(e)) return setOffline({ offline: true, savedAt });
            setError(errorText(e));
            if (cursor === undefined) setOffline(online);
          },
        )
        .finally(() => {
          if (mine !== generation.current) return;
          inFlight.current = false;
          setLoading(false);
        });
    },
    [latest, cacheKey],
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
    ...offline,
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
