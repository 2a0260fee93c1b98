import { noticesHandler } from '../cloudfunctions/notices/handler';
import { lastSolarTerm } from '../cloudfunctions/core/domain/solar-terms';
import { chinaDate } from '../cloudfunctions/core/domain/time';
import type { Store } from '../cloudfunctions/core/ports/store';
import { movableClock } from './clock';
import { localDeps } from './deps';

/**
 * The demo's notices, made by the notices function itself on a clock set back: the last solar
 * term's farming notice, published by the timer on that term's morning to every village, and an
 * announcement 赵明远 sent 杏花村 yesterday. No warning: the end-to-end test has the office enter one.
 */
export async function seedNotices(store: Store, now: Date, openidOf: (memberId: string) => string): Promise<void> {
  const clock = movableClock();
  const quiet = { error: console.error, warn: () => undefined, info: () => undefined };
  // The seed polls no feed: whatever local/warnings-feed.json holds arrives with the first real tick.
  const deps = { ...localDeps(store, clock), warnings: { current: async () => [] }, log: quiet };

  const term = lastSolarTerm(chinaDate(now));
  clock.set(new Date(`${term.date}T06:00:00+08:00`));
  const tick = await noticesHandler.invoke({}, { openid: null, source: 'timer', trigger: 'tick' }, deps);
  if (!tick.ok) throw new Error(`demo notices timer: ${tick.error.code}`);

  clock.set(new Date(now.getTime() - 24 * 60 * 60 * 1000));
  const publish = await noticesHandler.invoke(
    {
      action: 'publish',
      input: {
        kind: 'announcement',
        title: '冬季用火用电安全提醒',
        body: '天冷了，烧炕、烤火、用电暖器都要当心。睡前把炉子封好，屋里留条缝通风，防止煤气中毒。家里老人独自住的，请邻居多去看看。有困难随时找村委会。',
      },
    },
    { openid: openidOf('m-cadre-1'), source: 'client' },
    deps,
  );
  if (!publish.ok) throw new Error(`demo notices.publish: ${publish.error.code}`);
}
