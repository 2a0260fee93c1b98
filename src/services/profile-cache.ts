import Taro from '@tarojs/taro';
import { profileSchema, type Profile } from '../../types';

/**
 * The signed-in person's profile as last seen, so the home page draws at once on a slow
 * network. WeChat keeps storage per WeChat user; the stand-in's H5 build switches demo
 * users in one browser, so there the key carries the demo openid.
 */
function key(): string {
  if (process.env.TARO_ENV === 'h5') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports, @typescript-eslint/consistent-type-imports -- a static import would put the dev module in the WeChat build
    const { devOpenid } = require('./dev-identity') as typeof import('./dev-identity');
    return `profile:${devOpenid() ?? ''}`;
  }
  return 'profile';
}

export interface CachedHome {
  profile: Profile;
  unread: number;
}

/** What the home page showed last time, or null; anything stored by an older version is ignored. */
export function readCachedHome(): CachedHome | null {
  const raw = Taro.getStorageSync<unknown>(key()) as { profile?: unknown; unread?: unknown } | '';
  if (!raw || typeof raw !== 'object') return null;
  const profile = profileSchema.safeParse(raw.profile);
  if (!profile.success) return null;
  return { profile: profile.data, unread: typeof raw.unread === 'number' ? raw.unread : 0 };
}

export const writeCachedHome = (home: CachedHome | null): void => Taro.setStorageSync(key(), home ?? '');
