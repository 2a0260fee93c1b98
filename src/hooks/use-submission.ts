import { useCallback, useRef, useState } from 'react';
import { newRequestId } from '../services/request-id';
import { loadItem, saveItem, userKey } from '../services/user-storage';

export interface Submission {
  /** What is being sent right now (the `content` key), or null. */
  pending: string | null;
  /**
   * Sends `content` once: a second call while one is in flight does nothing and answers
   * `{ sent: false }`. `send` gets the request id for this content: the same id for every retry of
   * the same content until one succeeds, a new one after a success or for different content.
   * A failure is thrown to the caller and the id kept for a retry, also one that comes back to
   * this content after trying another (the first try may have been carried out unseen).
   */
  submit<R>(content: string, send: (requestId: string) => Promise<R>): Promise<{ sent: true; value: R } | { sent: false }>;
}

/** A content tried and not known to have arrived: its request id, and when it was first tried (ms). */
type Tried = [content: string, requestId: string, at: number];

/**
 * How long a kept id is reused after an app restart. A retry after a lost answer comes within
 * minutes; the same content sent days later is meant as a new record.
 */
export const KEPT_ID_MS = 24 * 60 * 60 * 1000;
/** Enough for every content one form can have been tried with; the oldest goes first. */
const KEPT_IDS = 10;

function load(key: string | null): Map<string, Tried> {
  const stored = key === null ? undefined : loadItem(key);
  const now = Date.now();
  const fresh = (Array.isArray(stored) ? (stored as unknown[]) : []).filter(
    (t): t is Tried =>
      Array.isArray(t) && typeof t[0] === 'string' && typeof t[1] === 'string' && typeof t[2] === 'number' && now - t[2] < KEPT_ID_MS,
  );
  return new Map(fresh.map((t) => [t[0], t]));
}

/**
 * One request id per intended creation, kept across double taps and retries after a failure
 * or timeout (the function then answers the first result instead of creating a second record).
 *
 * With `persistAs` (a name for the form, e.g. 'wish-new'), the ids are also kept on the phone,
 * written before each send: if the app is closed while an answer is lost, the retry after a
 * restart still carries the first id, so it cannot create the record twice.
 */
export function useSubmission(persistAs?: string): Submission {
  const [pending, setPending] = useState<string | null>(null);
  const inFlight = useRef(false);
  const [key] = useState(() => (persistAs === undefined ? null : userKey('request-ids', persistAs)));
  /** The request id of each content tried and not yet known to have succeeded. */
  const [tried] = useState(() => load(key));

  const remember = useCallback(() => {
    if (key === null) return;
    const newest = [...tried.values()].slice(-KEPT_IDS);
    saveItem(key, newest.length > 0 ? newest : undefined);
  }, [key, tried]);

  const submit = useCallback(
    async <R>(content: string, send: (requestId: string) => Promise<R>) => {
      // A ref, not state: a second tap in the same frame must see the first one.
      if (inFlight.current) return { sent: false } as const;
      inFlight.current = true;
      const entry: Tried = tried.get(content) ?? [content, newRequestId(), Date.now()];
      // Newest last, so that the oldest are the ones dropped past KEPT_IDS.
      tried.delete(content);
      tried.set(content, entry);
      remember();
      setPending(content);
      try {
        const value = await send(entry[1]);
        tried.delete(content);
        remember();
        return { sent: true, value } as const;
      } finally {
        inFlight.current = false;
        setPending(null);
      }
    },
    [tried, remember],
  );

  return { pending, submit };
}
