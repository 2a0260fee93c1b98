import { randomInt, randomUUID } from 'node:crypto';
import type { IdSource } from '../cloudfunctions/core/ports/clock';

export const cryptoIds: IdSource = {
  id: () => randomUUID().replace(/-/g, ''),
  // randomInt draws without modulo bias.
  code: (alphabet, length) => Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join(''),
};
