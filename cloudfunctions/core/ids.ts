import { randomInt, randomUUID } from 'node:crypto';
import type { IdSource } from './ports/clock';

export const cryptoIds: IdSource = {
  id: () => randomUUID().replace(/-/g, ''),
  // randomInt draws without modulo bias.
  code: (alphabet, length) => Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join(''),
};
