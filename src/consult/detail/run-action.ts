import { useState } from 'react';
import type { ConsultDetail } from '../../../types/consults';
import type { Overlay } from '../../components/overlay/use-overlay';
import { useSubmission } from '../../hooks/use-submission';
import { errorText } from '../../services/cloud';

export interface ActionRunner {
  /** What is being sent now (its key), or null. */
  busy: string | null;
  /** The function's refusal or a failure to reach it, shown above the actions. */
  error: string | null;
  /**
   * Sends one action once per tap; on success says `done` in a toast and hands the request as it is
   * now to `onChanged`. Answers whether it went through; a refusal is kept in `error` (or thrown to
   * `onRefused` when the caller shows it at a field).
   */
  run: (key: string, send: () => Promise<ConsultDetail>, done: string, onRefused?: (e: unknown) => boolean) => Promise<boolean>;
}

export function useActionRunner(overlay: Overlay, onChanged: (next: ConsultDetail) => void): ActionRunner {
  const submission = useSubmission();
  const [error, setError] = useState<string | null>(null);
  const run: ActionRunner['run'] = async (key, send, done, onRefused) => {
    setError(null);
    try {
      const r = await submission.submit(key, send);
      if (!r.sent) return false;
      onChanged(r.value);
      void overlay.toast(done, 'success');
      return true;
    } catch (e) {
      if (!onRefused?.(e)) setError(errorText(e));
      return false;
    }
  };
  return { busy: submission.pending, error, run };
}
