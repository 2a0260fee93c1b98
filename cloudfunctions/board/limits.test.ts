import { randomUUID } from 'node:crypto';
import { boardRules } from '../../types/board';
import { withLatency } from '../../local/latency-store';
import { board, makeBoardWorld, type BoardWorld } from '../../test/support/board-world';
import { dataOf } from '../../test/support/world';

jest.setTimeout(30_000);

let w: BoardWorld;
beforeEach(async () => {
  w = await makeBoardWorld();
});

const codeOf = (res: { ok: boolean; error?: { code: string } }) => (res.ok ? 'ok' : res.error!.code);
const postAt = async (iso: string, who: 'villagerA' | 'neighbourA' = 'villagerA') => {
  w.clock.set(iso);
  return w.call(board, who, 'post', { text: `在${iso}发的`, requestId: randomUUID() });
};
const stored = () => w.store.collection('boardPosts').count({ villageId: 'v-xinghua', listed: true });

describe('posting limits per person', () => {
  it(`refuses the ${boardRules.postsPerHour + 1}th post or reply of a China-time hour with BOARD.RATE_LIMITED and stores nothing`, async () => {
    const first = dataOf(await postAt('2026-11-24T02:00:00.000Z'));
    for (let i = 1; i < boardRules.postsPerHour - 1; i++) dataOf(await postAt(`2026-11-24T02:${String(i * 5).padStart(2, '0')}:00.000Z`));
    // Replies count as posts.
    w.clock.set('2026-11-24T02:55:00.000Z');
    dataOf(await w.call(board, 'villagerA', 'reply', { postId: first.id, text: '补充一句' }));
    const refused = await postAt('2026-11-24T02:59:59.000Z');
    expect(refused).toEqual({ ok: false, error: { code: 'BOARD.RATE_LIMITED', message: '您发得太频繁了，请过一会儿再发' } });
    expect(codeOf(await w.call(board, 'villagerA', 'reply', { postId: first.id, text: '再补充' }))).toBe('BOARD.RATE_LIMITED');
    expect(await stored()).toBe(boardRules.postsPerHour - 1);
    expect((await w.store.collection('boardPosts').get(first.id))!.replies).toHaveLength(1);
    // Someone else of the household has limits of their own.
    expect(codeOf(await postAt('2026-11-24T02:59:59.000Z', 'neighbourA'))).toBe('ok');
    // The next hour (11:00 in China) starts afresh.
    expect(codeOf(await postAt('2026-11-24T03:00:00.000Z'))).toBe('ok');
  });

  it(`refuses the ${boardRules.postsPerDay + 1}th of a China-time day, and lets the next day start afresh`, async () => {
    // 30 posts over the China day of 24 November (00:00 China is 16:00 UTC the day before), ten an hour.
    for (let i = 0; i < boardRules.postsPerDay; i++) {
      const hour = 16 + Math.floor(i / boardRules.postsPerHour);
      expect(codeOf(await postAt(`2026-11-23T${hour}:${String((i % 10) * 5).padStart(2, '0')}:00.000Z`))).toBe('ok');
    }
    expect(codeOf(await postAt('2026-11-24T15:59:59.000Z'))).toBe('BOARD.RATE_LIMITED');
    expect(await stored()).toBe(boardRules.postsPerDay);
    expect(codeOf(await postAt('2026-11-24T16:00:00.000Z'))).toBe('ok');
  });

  it('lets exactly one of five posts sent at once through at the last place of the hour, however slow the store', async () => {
    for (let i = 0; i < boardRules.postsPerHour - 1; i++) dataOf(await postAt(`2026-11-24T02:0${i}:00.000Z`));
    w.deps.store = withLatency(w.store, 3);
    const answers = await Promise.all(
      Array.from({ length: 5 }, (_, i) => w.call(board, 'villagerA', 'post', { text: `同时发的第${i}条`, requestId: randomUUID() })),
    );
    expect(answers.map(codeOf).sort()).toEqual([
      'BOARD.RATE_LIMITED',
      'BOARD.RATE_LIMITED',
      'BOARD.RATE_LIMITED',
      'BOARD.RATE_LIMITED',
      'ok',
    ]);
    expect(await stored()).toBe(boardRules.postsPerHour);
    expect(w.errors).toEqual([]);
  });

  it('stores and counts once a post sent three times at once with one request id (a double tap on a slow network)', async () => {
    w.deps.store = withLatency(w.store, 3);
    const input = { text: '点了三下', requestId: randomUUID() };
    const answers = await Promise.all([1, 2, 3].map(() => w.call(board, 'villagerA', 'post', input)));
    const ids = answers.map((a) => dataOf(a).id);
    expect(new Set(ids).size).toBe(1);
    expect(await stored()).toBe(1);
    expect((await w.store.collection('counters').find({})).map((c) => c.count)).toEqual([1, 1]);
  });

  it('answers a retry of a post made before the limit was reached with that post, not with RATE_LIMITED', async () => {
    const requestId = randomUUID();
    w.clock.set('2026-11-24T02:00:00.000Z');
    const first = dataOf(await w.call(board, 'villagerA', 'post', { text: '第一条', requestId }));
    for (let i = 1; i < boardRules.postsPerHour; i++) dataOf(await postAt(`2026-11-24T02:0${i}:00.000Z`));
    expect(dataOf(await w.call(board, 'villagerA', 'post', { text: '第一条', requestId })).id).toBe(first.id);
    expect(codeOf(await postAt('2026-11-24T02:30:00.000Z'))).toBe('BOARD.RATE_LIMITED');
    expect(first.mine).toBe(true);
  });
});
