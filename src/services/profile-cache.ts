import { profileSchema, type Profile } from '../../types/users';
import { loadItem, saveItem, userKey } from './user-storage';

export interface CachedHome {
  profile: Profile;
  unread: number;
}

const key = () => userKey('cache', 'home');

/**
 * What the home page showed last time, so it draws at once on a slow network; null when
 * nothing was kept. Anything stored by an older version that no longer fits is ignored.
 */
export function readCachedHome(): CachedHome | null {
  const raw = loadItem(key()) as { profile?: unknown; unread?: unknown } | undefined;
  if (!raw || typeof raw !== 'object') return null;
  const profile = profileSchema.safeParse(raw.profile);
  if (!profile.success) return null;
  return { profile: profile.data, unread: typeof raw.unread === 'number' ? raw.unread : 0 };
}

export const writeCachedHome = (home: CachedHome | null): void => saveItem(key(), home ?? undefined);
