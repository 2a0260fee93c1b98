import { Cron } from 'croner';
import type { Clock } from '../cloudfunctions/core/ports/clock';

/**
 * CloudBase timer crons have 7 fields: seconds first and a year last, read in
 * UTC+8. croner takes the first six with a time zone; only '*' is supported for
 * the year, since none of our triggers needs another.
 */
export function toCroner(cloudbaseCron: string): Cron {
  const fields = cloudbaseCron.trim().split(/\s+/);
  if (fields.length !== 7) throw new Error(`CloudBase cron needs 7 fields, got ${fields.length}: ${cloudbaseCron}`);
  if (fields[6] !== '*') throw new Error(`only '*' is supported for the year field: ${cloudbaseCron}`);
  return new Cron(fields.slice(0, 6).join(' '), { timezone: 'Asia/Shanghai', paused: true });
}

export interface TimerSpec {
  functionName: string;
  /** The trigger's name in the contract (CloudBase's TriggerName). */
  timerName: string;
  cron: string;
  fire: () => Promise<unknown>;
}

/** How the scheduler names a timer: a function may have several, each on its own cron. */
export const timerKey = (t: Pick<TimerSpec, 'functionName' | 'timerName'>): string => `${t.functionName}/${t.timerName}`;

/**
 * Fires each timer when one of its occurrences falls between the previous
 * tick and this one, both read on the stand-in's clock. Moving the clock
 * forward fires a trigger that was passed (once, not once per missed
 * occurrence); moving it back replays nothing. Timers due together fire
 * together, as CloudBase runs each trigger on its own; a timer still running
 * from an earlier tick is skipped, but only that timer.
 */
export function timerScheduler(timers: TimerSpec[], clock: Clock, log: (line: string) => void = console.log) {
  const crons = timers.map((t) => ({ ...t, key: timerKey(t), cron: toCroner(t.cron) }));
  let last = clock.now();
  const running = new Set<string>();

  async function tick(): Promise<string[]> {
    const now = clock.now();
    const since = last;
    last = now;
    if (now <= since) return [];
    const due = crons.flatMap((t) => {
      const next = t.cron.nextRun(since);
      return next && next <= now && !running.has(t.key) ? [{ ...t, at: next }] : [];
    });
    await Promise.all(
      due.map(async (t) => {
        running.add(t.key);
        log(`[timer] ${t.key} fired for ${t.at.toISOString()}`);
        try {
          await t.fire();
        } catch (e) {
          log(`[timer] ${t.key} failed: ${String(e)}`);
        } finally {
          running.delete(t.key);
        }
      }),
    );
    return due.map((t) => t.key);
  }

  let handle: NodeJS.Timeout | null = null;
  return {
    tick,
    start(everyMs = 1000) {
      handle = setInterval(() => void tick(), everyMs);
      handle.unref();
    },
    stop() {
      if (handle) clearInterval(handle);
    },
  };
}
