import { useCallback, useEffect, useState } from 'react';
import type { Profile } from '../../../types';
import { errorText } from '../../services/cloud';
import { askHome } from './home-request';
import { readCachedHome, writeCachedHome } from '../../services/profile-cache';

export interface Home {
  profile: Profile | null;
  unread: number;
  /** WeChat user not bound to anyone on the roster yet. */
  unbound: boolean;
  /** Nothing to show yet: no cached profile and no answer. */
  loading: boolean;
  /** The last refresh failed; with a profile shown, that profile is the one seen last time. */
  error: string | null;
  reload: () => void;
  /** A message was read on the 消息 tab. */
  readOne: () => void;
}

/**
 * The home page's data: the cached profile at once, then the profile and the unread count
 * asked in parallel (one round trip's wait on a slow network, not two). A failed count keeps
 * the last known one; a failed profile keeps the cached page.
 */
export function useHome(): Home {
  const [state, setState] = useState(() => {
    const cached = readCachedHome();
    return {
      profile: cached?.profile ?? null,
      unread: cached?.unread ?? 0,
      unbound: false,
      error: null as string | null,
      refreshing: true,
    };
  });
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let live = true;
    void askHome().then(([me, inbox]) => {
      if (!live) return;
      setState((s) => {
        if (me.status === 'rejected') return { ...s, error: errorText(me.reason), refreshing: false };
        if (!me.value.bound) {
          writeCachedHome(null);
          return { profile: null, unread: 0, unbound: true, error: null, refreshing: false };
        }
        const unread = inbox.status === 'fulfilled' ? inbox.value.unread : s.unread;
        writeCachedHome({ profile: me.value.profile, unread });
        return { profile: me.value.profile, unread, unbound: false, error: null, refreshing: false };
      });
    });
    return () => {
      live = false;
    };
  }, [tick]);

  const reload = useCallback(() => {
    setState((s) => ({ ...s, refreshing: true, error: null }));
    setTick((t) => t + 1);
  }, []);
  const readOne = useCallback(() => setState((s) => ({ ...s, unread: Math.max(0, s.unread - 1) })), []);

  return {
    profile: state.profile,
    unread: state.unread,
    unbound: state.unbound,
    loading: state.profile === null && state.refreshing,
    error: state.error,
    reload,
    readOne,
  };
}
