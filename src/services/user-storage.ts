import Taro from '@tarojs/taro';

/** What the app keeps on the phone for the person using it. */
export type UserItemKind = 'draft' | 'cache' | 'request-ids';

/**
 * The storage key of something that belongs to the person using the app: a form's draft, a list
 * saved for offline reading, the request ids of sends not yet known to have arrived.
 *
 * WeChat already keeps a mini-program's storage apart per WeChat user, so there the key is
 * `<kind>:<name>`. The stand-in's H5 build switches demo users inside one browser, so there the
 * key carries the demo openid. Not the roster member id: that is known only once `whoami` has
 * answered, and these must be readable before any request does, offline above all.
 */
export function userKey(kind: UserItemKind, name: string): string {
  if (process.env.TARO_ENV === 'h5') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports, @typescript-eslint/consistent-type-imports -- a static import would put the dev module in the WeChat build
    const { devOpenid } = require('./dev-identity') as typeof import('./dev-identity');
    return `${kind}:${devOpenid() ?? ''}:${name}`;
  }
  return `${kind}:${name}`;
}

/** What is stored under `key`, or undefined when nothing is (Taro answers '' for a missing key). */
export function loadItem(key: string): unknown {
  try {
    const value: unknown = Taro.getStorageSync(key);
    return value === '' ? undefined : value;
  } catch {
    return undefined;
  }
}

/**
 * Stores `value` under `key`, or removes the key for undefined. A full storage (WeChat allows
 * 10 MB a user, 1 MB a key) loses this copy and nothing else: the form and the list go on working.
 */
export function saveItem(key: string, value: unknown): void {
  try {
    if (value === undefined) Taro.removeStorageSync(key);
    else Taro.setStorageSync(key, value);
  } catch (e) {
    console.warn(`[storage] could not save ${key}`, e);
  }
}

/**
 * Forgets everything kept for the person using the app: drafts, saved lists and request ids.
 * Called when a WeChat account is bound to a roster person, since the account may have been
 * someone else's before (a binding reset for a phone passed on in the family).
 */
export function forgetUserItems(): void {
  const kinds: UserItemKind[] = ['draft', 'cache', 'request-ids'];
  const prefixes = kinds.map((kind) => userKey(kind, ''));
  try {
    for (const key of Taro.getStorageInfoSync().keys) if (prefixes.some((p) => key.startsWith(p))) Taro.removeStorageSync(key);
  } catch (e) {
    console.warn("[storage] could not forget the earlier person's items", e);
  }
}
