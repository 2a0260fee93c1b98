import { createHash, randomInt, randomUUID } from 'node:crypto';
import type { IdSource } from './ports/clock';

export const cryptoIds: IdSource = {
  id: () => randomUUID().replace(/-/g, ''),
  // randomInt draws without modulo bias.
  code: (alphabet, length) => Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join(''),
};

const sha256 = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/**
 * A fixed-length id (32 hex characters) for a key of any length: CloudBase ids stay
 * under 64 characters however long the member ids inside the key are.
 */
export const hashId = (key: string): string => sha256(key).toString('hex').slice(0, 32);

/**
 * The document id of a creating request: the caller and their request id together, so
 * a retry finds the record the first attempt made, and a request id chosen to match
 * someone else's record lands on an id of its own.
 */
export const requestDocId = (openid: string, requestId: string): string => hashId(`request:${openid}:${requestId}`);
