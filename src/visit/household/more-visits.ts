import { useCallback, useState } from 'react';
import type { Visit } from '../../../types';
import { callCloud, errorText } from '../../services/cloud';
import { visitsContract } from '../../../types/visits';

export interface MoreVisits {
  /** The visits read after the household page's own first page, oldest last. */
  items: Visit[];
  hasMore: boolean;
  loading: boolean;
  error: string | null;
  loadMore: () => void;
}

type FirstPage = { nextCursor: string | null } | undefined;

interface State {
  /** The first page these visits follow: a new one (the page read again) starts over. */
  of: FirstPage;
  items: Visit[];
  cursor: string | null;
  loading: boolean;
  error: string | null;
}

const fresh = (first: FirstPage): State => ({ of: first, items: [], cursor: first?.nextCursor ?? null, loading: false, error: null });

/** Earlier visits, page by page (visits.history), after the first page the household page brought. */
export function useMoreVisits(householdId: string, first: FirstPage): MoreVisits {
  const [state, setState] = useState<State>(() => fresh(first));
  const now = state.of === first ? state : fresh(first);

  const loadMore = useCallback(() => {
    if (now.cursor === null || now.loading) return;
    setState({ ...now, loading: true, error: null });
    // An answer for a first page that has since been replaced is dropped.
    const settle = (patch: (s: State) => Partial<State>) => setState((s) => (s.of === first ? { ...s, ...patch(s), loading: false } : s));
    callCloud(visitsContract, 'history', { householdId, cursor: now.cursor }).then(
      (page) => settle((s) => ({ items: [...s.items, ...page.items], cursor: page.nextCursor })),
      (e: unknown) => settle(() => ({ error: errorText(e) })),
    );
  }, [now, first, householdId]);

  return { items: now.items, hasMore: now.cursor !== null, loading: now.loading, error: now.error, loadMore };
}
