import { z } from 'zod';
import type { CloudResponse } from '../types';
import type { MovableClock } from './clock';
import { HttpError } from './http';

/**
 * Instants the stand-in's clock may be moved to. Stored instants are ISO strings that must
 * sort as text, which holds only for four-digit years; a year of margin stays below 9999
 * for what the functions add (an invite's 7 days, say). Date.parse alone accepts year 275760,
 * whose running clock then fails every toISOString with a RangeError.
 */
const EARLIEST = Date.parse('1970-01-01T00:00:00Z');
const LATEST = Date.parse('9999-01-01T00:00:00Z');

const clockBody = z.object({
  now: z.union([
    z.null(),
    z
      .string()
      .max(64)
      .refine((s) => {
        const t = Date.parse(s);
        return t >= EARLIEST && t < LATEST;
      }),
  ]),
});

/** The body of `POST /api/dev/clock`: the instant to move to, or null for real time. Anything else is a 400. */
export function readClockBody(body: unknown): Date | null {
  const parsed = clockBody.safeParse(body);
  if (!parsed.success) throw new HttpError(400, 'COMMON.INVALID_INPUT');
  return parsed.data.now === null ? null : new Date(parsed.data.now);
}

export const clockState = (clock: MovableClock) => ({ now: clock.now().toISOString(), real: clock.isReal() });

/**
 * What `POST /api/dev/timers/<function>` answers: each timer's own answer by
 * timer name, fired one after another in the contract's order.
 */
export async function fireAll(
  names: readonly string[],
  fire: (timer: string) => Promise<CloudResponse<unknown>>,
): Promise<CloudResponse<Record<string, CloudResponse<unknown>>>> {
  const results: [string, CloudResponse<unknown>][] = [];
  for (const name of names) results.push([name, await fire(name)]);
  return { ok: true, data: Object.fromEntries(results) };
}
