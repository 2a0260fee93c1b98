import { useState } from 'react';
import type { Profile } from '../../types';
import { callCloud } from '../services/cloud';
import { readCachedHome } from '../services/profile-cache';
import { useLoad } from './use-cloud';
import { usersContract } from '../../types/users';

/**
 * Who is using the app, for a page that offers some things only to some roles. The home page keeps
 * the profile on the phone, so this reads it at once and asks nothing; a page opened straight from a
 * link with nothing kept asks `whoami` once. Null until known, and for someone not bound.
 */
export function useProfile(): Profile | null {
  const [cached] = useState(() => readCachedHome()?.profile ?? null);
  const asked = useLoad(async () => {
    if (cached) return cached;
    const me = await callCloud(usersContract, 'whoami', {});
    return me.bound ? me.profile : null;
  });
  return cached ?? asked.data;
}
