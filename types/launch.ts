/**
 * How a link or a scanned code hands parameters to a page. A link (a share card's path, the
 * stand-in's H5 URL) carries an ordinary query, `?code=ABCD2345`. A 小程序码 from
 * wxacode.getUnlimited cannot: its page takes no query, and everything rides in one `scene`
 * string of at most 32 characters, which the page receives URL-encoded as `query.scene`.
 * Both ends use these helpers, so what the functions put in a scene is what the page reads.
 */

/** WeChat's limit on a scene: 32 visible characters. */
export const MAX_SCENE_LENGTH = 32;

/** The only characters WeChat accepts in a scene (no `%`, so nothing can be percent-encoded). */
const SCENE_CHARS = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]*$/;

/** Page parameters as a scene, `key=value&key=value`; throws when they do not fit, which is a programming error. */
export function sceneOf(params: Record<string, string>): string {
  const scene = Object.entries(params)
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const clash = Object.entries(params).some(([k, v]) => /[&=]/.test(k) || /[&=]/.test(v));
  if (clash || !SCENE_CHARS.test(scene) || scene.length > MAX_SCENE_LENGTH) {
    throw new Error(`page parameters do not fit in a scene (≤ ${MAX_SCENE_LENGTH} of [0-9A-Za-z!#$&'()*+,/:;=?@-._~]): ${scene}`);
  }
  return scene;
}

/** A page path with its parameters as a query, e.g. for onShareAppMessage's `path`. */
export function pageLink(route: string, params: Record<string, string>): string {
  const query = Object.entries(params)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
  return query ? `${route}?${query}` : route;
}

const decode = (s: string): string => {
  try {
    return decodeURIComponent(s);
  } catch {
    // A malformed escape: keep the text as it came rather than lose the whole launch.
    return s;
  }
};

/**
 * The parameters a page was opened with, whichever way it was opened: the query's own keys,
 * plus those packed into `scene` by a 小程序码. A key in the query wins over the same key in
 * the scene. WeChat hands the scene URL-encoded (`c%3DABCD` for `c=ABCD`); decoding text that
 * is not encoded changes nothing, so both forms read the same.
 */
export function launchParams(query: Readonly<Record<string, string | undefined>> | null | undefined): Record<string, string> {
  // A Map, then fromEntries: a key such as `__proto__` becomes a plain own key, never a prototype.
  const params = new Map<string, string>();
  const scene = query?.scene;
  if (typeof scene === 'string') {
    for (const pair of decode(scene).split('&')) {
      const at = pair.indexOf('=');
      if (at > 0) params.set(pair.slice(0, at), pair.slice(at + 1));
    }
  }
  for (const [k, v] of Object.entries(query ?? {})) if (k !== 'scene' && typeof v === 'string') params.set(k, decode(v));
  return Object.fromEntries(params);
}
