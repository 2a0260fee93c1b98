import { boardHandler } from '../cloudfunctions/board/handler';
import type { Store } from '../cloudfunctions/core/ports/store';
import { movableClock } from './clock';
import { localDeps } from './deps';

/**
 * 杏花村's message board as the demo opens it, written by the board function itself on a clock set
 * back (content check and masking included): the first secretary's fire-safety notice pinned on
 * top, a villager's post about the street light with his official reply, a villager asking for seed
 * with her phone number (stored masked), and a helper announcing a free clinic.
 */
export async function seedBoard(store: Store, now: Date, openidOf: (memberId: string) => string, villagerId: string): Promise<void> {
  const clock = movableClock();
  const deps = { ...localDeps(store, clock), log: { error: console.error, warn: () => undefined, info: () => undefined } };
  const hoursAgo = (h: number) => clock.set(new Date(now.getTime() - h * 3_600_000));
  const call = async (memberId: string, action: string, input: unknown) => {
    const res = await boardHandler.invoke({ action, input }, { openid: openidOf(memberId), source: 'client' }, deps);
    if (!res.ok) throw new Error(`demo board.${action} by ${memberId}: ${res.error.code}`);
    return res.data as { id: string };
  };

  hoursAgo(72);
  const notice = await call('m-cadre-1', 'post', {
    text: '【冬季防火通知】天干物燥，请各家各户不要在田间地头烧秸秆，做饭取暖注意用火用电安全。发现火情请立即拨打119，并告诉村委会。',
  });
  await call('m-cadre-1', 'pin', { postId: notice.id, pinned: true });
  hoursAgo(50);
  const light = await call(villagerId, 'post', {
    text: '村口大槐树旁边的路灯坏了好几天了，晚上出门黑乎乎的，老人走路不方便，麻烦干部给看看。',
  });
  hoursAgo(46);
  await call('m-cadre-1', 'reply', { postId: light.id, text: '收到，已经联系乡里的电工，明天上午来修。修好了在这里告诉大家。' });
  hoursAgo(30);
  await call(villagerId, 'post', { text: '谁家有多余的玉米种子？想匀两斤，价钱好商量。电话13912345678' });
  hoursAgo(20);
  await call('m-helper-1', 'post', {
    text: '下周二上午县医院的大夫来村委会义诊，量血压、测血糖都不要钱，腿脚不方便的老人可以提前说，大夫上门。',
  });
}
