export interface Clock {
  now(): Date;
}

export interface IdSource {
  /** A fresh unique id, e.g. for a wish. */
  id(): string;
  /** A random code of `length` characters drawn from `alphabet`. */
  code(alphabet: string, length: number): string;
}

export const systemClock: Clock = { now: () => new Date() };
