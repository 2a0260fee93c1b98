import { useCallback, useRef, useState } from 'react';
import { newRequestId } from '../services/request-id';

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

/**
 * One request id per intended creation, kept across double taps and retries after a failure
 * or timeout (the function then answers the first result instead of creating a second record).
 */
export function useSubmission(): Submission {
  const [pending, setPending] = useState<string | null>(null);
  const inFlight = useRef(false);
  /** The request id of each content tried and not yet known to have succeeded. */
  const ids = useRef(new Map<string, string>());

  const submit = useCallback(async <R>(content: string, send: (requestId: string) => Promise<R>) => {
    // A ref, not state: a second tap in the same frame must see the first one.
    if (inFlight.current) return { sent: false } as const;
    inFlight.current = true;
    const id = ids.current.get(content) ?? newRequestId();
    ids.current.set(content, id);
    setPending(content);
    try {
      const value = await send(id);
      ids.current.delete(content);
      return { sent: true, value } as const;
    } finally {
      inFlight.current = false;
      setPending(null);
    }
  }, []);

  return { pending, submit };
}
