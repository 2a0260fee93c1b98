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
  cron: string;
  fire: () => Promise<unknown>;
}

/**
 * Fires each timer when one of its occurrences falls between the previous
 * tick and this one, both read on the stand-in's clock. Moving the clock
 * forward fires a trigger that was passed (once, not once per missed
 * occurrence); moving it back replays nothing.
 */
export function timerScheduler(timers: TimerSpec[], clock: Clock, log: (line: string) => void = console.log) {
  const crons = timers.map((t) => ({ ...t, cron: toCroner(t.cron) }));
  let last = clock.now();
  const running = new Set<string>();

  async function tick(): Promise<string[]> {
    const now = clock.now();
    const since = last;
    last = now;
    if (now <= since) return [];
    const fired: string[] = [];
    for (const t of crons) {
      const next = t.cron.nextRun(since);
      if (!next || next > now || running.has(t.functionName)) continue;
      running.add(t.functionName);
      fired.push(t.functionName);
      log(`[timer] ${t.functionName} fired for ${next.toISOString()}`);
      try {
        await t.fire();
      } finally {
        running.delete(t.functionName);
      }
    }
    return fired;
  }

  let handle: NodeJS.Timeout | null = null;
  return {
    tick,
    start(everyMs = 1000) {
      handle = setInterval(() => void tick().catch((e) => log(`[timer] failed: ${String(e)}`)), everyMs);
      handle.unref();
    },
    stop() {
      if (handle) clearInterval(handle);
    },
  };
}
