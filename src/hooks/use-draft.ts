import { useDidHide } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { loadItem, saveItem, userKey } from '../services/user-storage';

/**
 * Typing waits this long before it is written. A write is a synchronous call into WeChat's native
 * storage, slow on old Android phones; a pause in typing is the moment to pay for it. Hiding or
 * leaving the page writes at once.
 */
export const DRAFT_SAVE_DELAY_MS = 500;

export interface Draft<T> {
  /** The form's values: the draft saved earlier when there is one, else `initial`. */
  values: T;
  /** Changes some of the values, from a patch or from the values as they are now (to append to a text). */
  set: (patch: Partial<T> | ((values: T) => Partial<T>)) => void;
  /** After a successful send: forgets the draft and puts the form back to `initial`. */
  clear: () => void;
  /** Whether `values` came from a draft saved earlier, so the page can say so. */
  restored: boolean;
}

interface Stored<T> {
  values: T;
}

/** The saved fields that the form still has (an older version of the page may have had others), or null. */
function restore<T extends object>(key: string, initial: T): T | null {
  const stored = loadItem(key) as Partial<Stored<Record<string, unknown>>> | undefined;
  if (typeof stored?.values !== 'object' || stored.values === null) return null;
  const fields = Object.keys(initial).filter((k) => k in stored.values!);
  if (fields.length === 0) return null;
  return { ...initial, ...Object.fromEntries(fields.map((k) => [k, stored.values![k]])) };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * A form's values kept on the phone until they are sent: restored when the page opens again,
 * after leaving it or restarting the app, so nothing typed on a weak network is lost. `name`
 * says which form (e.g. 'wish-new'); it and `initial` are read once, when the page opens.
 * The draft belongs to the person signed in (see userKey). Values must survive JSON.
 */
export function useDraft<T extends object>(name: string, initial: T): Draft<T> {
  const [key] = useState(() => userKey('draft', name));
  const [blank] = useState(initial);
  const [state, setState] = useState(() => {
    const saved = restore(key, blank);
    return { values: saved ?? blank, restored: saved !== null };
  });
  /** The values storage holds now; a render with other values has something to write. */
  const written = useRef(state.values);
  const unwritten = useRef<T | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    const values = unwritten.current;
    if (values === null) return;
    unwritten.current = null;
    written.current = values;
    // A form back at its blank values has nothing worth restoring.
    saveItem(key, same(values, blank) ? undefined : ({ values } satisfies Stored<T>));
  }, [key, blank]);

  useEffect(() => {
    if (state.values === written.current) return;
    unwritten.current = state.values;
    clearTimeout(timer.current);
    timer.current = setTimeout(flush, DRAFT_SAVE_DELAY_MS);
  }, [state.values, flush]);

  // Leaving the page unmounts it; going to the background (where WeChat may end the app) hides it.
  useEffect(() => flush, [flush]);
  useDidHide(flush);

  const set = useCallback((patch: Partial<T> | ((values: T) => Partial<T>)) => {
    setState((s) => ({ ...s, values: { ...s.values, ...(typeof patch === 'function' ? patch(s.values) : patch) } }));
  }, []);

  const clear = useCallback(() => {
    clearTimeout(timer.current);
    unwritten.current = null;
    written.current = blank;
    saveItem(key, undefined);
    setState({ values: blank, restored: false });
  }, [key, blank]);

  return { values: state.values, set, clear, restored: state.restored };
}
