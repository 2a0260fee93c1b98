/**
 * Request ids for creating actions (types/common.ts requestIdSchema): a random UUID v4.
 *
 * The WeChat runtime has no `crypto.randomUUID`, and its `wx.getRandomValues` only answers
 * through a callback, too late for a tap handler. So: Web Crypto where it exists (H5, jsdom),
 * `Math.random` otherwise. That is enough here: the functions scope a request id to the caller
 * (a hash of openid and id), so it only has to differ between one person's own submissions.
 */
type RandomSource = (bytes: Uint8Array) => void;

const webCrypto: RandomSource | null =
  typeof crypto !== 'undefined' && typeof crypto.getRandomValues === 'function' ? (bytes) => void crypto.getRandomValues(bytes) : null;

const mathRandom: RandomSource = (bytes) => {
  for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
};

const hex = (n: number) => n.toString(16).padStart(2, '0');

/** A new version-4 UUID, e.g. `3b241101-e2bb-4255-8caf-4136c566a962`. */
export function newRequestId(fill: RandomSource = webCrypto ?? mathRandom): string {
  const b = new Uint8Array(16);
  fill(b);
  b[6] = (b[6] & 0x0f) | 0x40; // version 4
  b[8] = (b[8] & 0x3f) | 0x80; // RFC 4122 variant
  const h = Array.from(b, hex).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export const randomSources = { webCrypto, mathRandom };
