import { MAX_OPEN_WISHES } from '../../types';
import { dataOf, makeWorld, openidOf, type World } from '../../test/support/world';
import { wishRecord } from '../../test/support/wish-record';
import { counterId, lowerCounter, openWishesKey } from '../core/counters';
import { requestDocId } from '../core/ids';
import { withLatency } from '../../local/latency-store';
import { wishesHandler as wishes } from './handler';
import { inboxHandler as inbox } from '../inbox/handler';

let w: World;
beforeEach(async () => {
  w = await makeWorld();
});

const submit = (who: Parameters<World['call']>[1], input: unknown) => w.call(wishes, who, 'submit', input);

/** What the wish lifecycle does when a wish is confirmed, withdrawn or rejected: close it and free its place. */
const closeWish = (id: string) =>
  w.store.transaction(async (tx) => {
    const wish = (await tx.get('wishes', id))!;
    await tx.update('wishes', id, { status: 'confirmed' });
    await lowerCounter(tx, openWishesKey(wish.householdId), w.clock.now());
  });

describe('submitting a micro-wish', () => {
  it("shows the new wish under the villager's own wishes as waiting for review", async () => {
    const created = dataOf(await submit('villagerA', { category: 'study', text: '  想给孙子买一个书包  ' }));
    expect(created).toMatchObject({ category: 'study', text: '想给孙子买一个书包', status: 'pending_review' });
    expect(created.createdAt).toBe('2026-11-24T02:00:00.000Z');

    const mine = dataOf(await w.call(wishes, 'villagerA', 'mine', {}));
    expect(mine.items.map((x: { id: string }) => x.id)).toEqual([created.id]);
    expect(mine.nextCursor).toBeNull();
  });

  it('lists the wish for review to the cadre of the same village, with who asked and where they live', async () => {
    dataOf(await submit('villagerA', { category: 'daily', text: '冬天需要一床厚棉被' }));
    const page = dataOf(await w.call(wishes, 'cadreA', 'pendingReview', {}));
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ submitterName: '王秀兰', householdLabel: '三组 12 号', text: '冬天需要一床厚棉被' });
    expect(JSON.stringify(page)).not.toContain('100-0000');
  });

  it('never shows the wish to a cadre of another village, a helper, an office or a villager', async () => {
    dataOf(await submit('villagerA', { category: 'daily', text: '冬天需要一床厚棉被' }));
    expect(dataOf(await w.call(wishes, 'cadreB', 'pendingReview', {})).items).toEqual([]);
    for (const who of ['helperA', 'office', 'villagerA', 'villagerB'] as const) {
      const res = await w.call(wishes, who, 'pendingReview', {});
      expect(res).toEqual({ ok: false, error: { code: 'COMMON.FORBIDDEN', message: expect.any(String) } });
    }
    expect(dataOf(await w.call(wishes, 'villagerB', 'mine', {})).items).toEqual([]);
  });

  it('refuses helpers and cadres as submitters', async () => {
    for (const who of ['helperA', 'cadreA'] as const) {
      const res = await submit(who, { category: 'daily', text: '这是一条测试心愿' });
      expect(!res.ok && res.error.code).toBe('COMMON.FORBIDDEN');
    }
    expect(await w.store.collection('wishes').count({})).toBe(0);
  });

  it('rejects a too-short text or an unknown category with a Chinese message and stores nothing', async () => {
    const short = await submit('villagerA', { category: 'daily', text: '要 ' });
    expect(short).toEqual({ ok: false, error: { code: 'COMMON.INVALID_INPUT', message: '心愿至少写 5 个字' } });
    const badCategory = await submit('villagerA', { category: 'cash', text: '想要一些现金补贴' });
    expect(badCategory).toEqual({ ok: false, error: { code: 'COMMON.INVALID_INPUT', message: '请选择心愿类别' } });
    const extra = await submit('villagerA', { category: 'daily', text: '冬天需要一床厚棉被', status: 'published' });
    expect(!extra.ok && extra.error.code).toBe('COMMON.INVALID_INPUT');
    expect(await w.store.collection('wishes').count({})).toBe(0);
  });

  it('allows a household at most three open wishes, counting every member of the household', async () => {
    const first = dataOf(await submit('villagerA', { category: 'daily', text: '第一个心愿：棉被' }));
    dataOf(await submit('neighbourA', { category: 'study', text: '第二个心愿：书包' }));
    dataOf(await submit('villagerA', { category: 'farming', text: '第三个心愿：化肥' }));
    const fourth = await submit('neighbourA', { category: 'other', text: '第四个心愿：收音机' });
    expect(!fourth.ok && fourth.error.code).toBe('WISH.TOO_MANY_OPEN');
    expect(await w.store.collection('wishes').count({})).toBe(3);

    await closeWish(first.id);
    dataOf(await submit('neighbourA', { category: 'other', text: '第四个心愿：收音机' }));
  });

  it('holds the cap when many submits of one household arrive at once, however slow the store', async () => {
    w.deps.store = withLatency(w.store, 3);
    const texts = Array.from({ length: 30 }, (_, i) => `同时提交的第 ${i} 个心愿`);
    const answers = await Promise.all(texts.map((text, i) => submit(i % 2 ? 'villagerA' : 'neighbourA', { category: 'daily', text })));
    expect(answers.filter((a) => a.ok)).toHaveLength(MAX_OPEN_WISHES);
    for (const a of answers) if (!a.ok) expect(['WISH.TOO_MANY_OPEN', 'COMMON.BUSY']).toContain(a.error.code);
    expect(await w.store.collection('wishes').count({ householdId: 'h-a1', status: 'pending_review' })).toBe(MAX_OPEN_WISHES);
  });

  it("counts the open wishes stored before the household had a counter, and only that household's", async () => {
    for (let i = 0; i < 3; i++) dataOf(await submit('villagerB', { category: 'daily', text: `别家的第 ${i} 个心愿` }));
    for (let i = 0; i < 2; i++) dataOf(await submit('villagerA', { category: 'daily', text: `较早的第 ${i} 个心愿` }));
    await w.store.collection('counters').remove(counterId(openWishesKey('h-a1')));
    dataOf(await submit('villagerA', { category: 'daily', text: '计数之后的心愿' }));
    expect(await submit('villagerA', { category: 'daily', text: '超出上限的心愿' })).toMatchObject({
      ok: false,
      error: { code: 'WISH.TOO_MANY_OPEN' },
    });
  });

  it("tells the villager how many of the household's wishes are open before they write another", async () => {
    const quota = () => w.call(wishes, 'neighbourA', 'quota', {});
    expect(dataOf(await quota())).toEqual({ open: 0, max: MAX_OPEN_WISHES });
    const first = dataOf(await submit('villagerA', { category: 'daily', text: '第一个心愿：棉被' }));
    dataOf(await submit('villagerB', { category: 'daily', text: '别家的心愿：书包' }));
    expect(dataOf(await quota())).toEqual({ open: 1, max: MAX_OPEN_WISHES });
    await closeWish(first.id);
    expect(dataOf(await quota())).toEqual({ open: 0, max: MAX_OPEN_WISHES });
    // Counted from the stored wishes when the household has no counter.
    dataOf(await submit('villagerA', { category: 'daily', text: '第二个心愿：化肥' }));
    await w.store.collection('counters').remove(counterId(openWishesKey('h-a1')));
    expect(dataOf(await quota())).toEqual({ open: 1, max: MAX_OPEN_WISHES });
    const cadre = await w.call(wishes, 'cadreA', 'quota', {});
    expect(!cadre.ok && cadre.error.code).toBe('COMMON.FORBIDDEN');
  });

  it('pages a long list of own wishes newest first', async () => {
    for (let i = 0; i < 3; i++) {
      w.clock.set(`2026-11-2${i}T02:00:00.000Z`);
      await closeWish(dataOf(await submit('villagerA', { category: 'daily', text: `心愿第 ${i} 号内容` })).id);
    }
    const first = dataOf(await w.call(wishes, 'villagerA', 'mine', { limit: 2 }));
    expect(first.items.map((x: { text: string }) => x.text)).toEqual(['心愿第 2 号内容', '心愿第 1 号内容']);
    const second = dataOf(await w.call(wishes, 'villagerA', 'mine', { limit: 2, cursor: first.nextCursor }));
    expect(second.items.map((x: { text: string }) => x.text)).toEqual(['心愿第 0 号内容']);
    expect(second.nextCursor).toBeNull();
  });
});

describe('a submit sent again with the same request id', () => {
  const requestId = '6f1c1d52-5d55-4c39-9a4b-6f0f6b0b2a11';
  const wish = { category: 'daily', text: '冬天需要一床厚棉被', requestId };

  it('answers the first wish instead of storing a second, also when both arrive at once', async () => {
    const first = dataOf(await submit('villagerA', wish));
    expect(dataOf(await submit('villagerA', wish))).toEqual(first);
    const together = await Promise.all([submit('neighbourA', wish), submit('neighbourA', wish)]);
    expect(dataOf(together[0])).toEqual(dataOf(together[1]));
    expect(await w.store.collection('wishes').count({ householdId: 'h-a1', status: 'pending_review' })).toBe(2);
  });

  it("gives nothing of another caller's wish to someone who reuses their request id", async () => {
    const theirs = dataOf(await submit('villagerA', wish));
    const mine = dataOf(await submit('villagerB', { ...wish, text: '我自己的心愿内容' }));
    expect(mine.id).not.toBe(theirs.id);
    expect(mine.text).toBe('我自己的心愿内容');
  });

  it("answers the retry of a household's last allowed wish with that wish, not with the cap", async () => {
    dataOf(await submit('villagerA', { category: 'daily', text: '第一个心愿：棉被' }));
    dataOf(await submit('villagerA', { category: 'daily', text: '第二个心愿：书包' }));
    const third = dataOf(await submit('villagerA', wish));
    expect(dataOf(await submit('villagerA', wish))).toEqual(third);
  });

  it('refuses a request id whose record another member of the same WeChat made', async () => {
    // The WeChat was bound to another roster entry before (a reset binding, then a new bind).
    const id = requestDocId(openidOf('villagerA'), requestId);
    await w.store
      .collection('wishes')
      .add(wishRecord({ _id: id, submitterId: 'm-someone-else', text: '以前的心愿', createdAt: '2026-11-01T00:00:00.000Z' }));
    expect(await submit('villagerA', wish)).toMatchObject({ ok: false, error: { code: 'COMMON.INVALID_INPUT' } });
  });

  it('is refused for a request id that is not a UUID', async () => {
    expect(await submit('villagerA', { ...wish, requestId: '1' })).toMatchObject({ ok: false, error: { code: 'COMMON.INVALID_INPUT' } });
  });
});

describe('the morning review reminder', () => {
  it('notifies only cadres whose village has wishes waiting, once a day however often the timer fires', async () => {
    dataOf(await submit('villagerA', { category: 'daily', text: '冬天需要一床厚棉被' }));
    expect(dataOf(await w.fireTimer(wishes))).toMatchObject({ villages: 1, cadres: 1, notified: 1 });
    expect(dataOf(await w.fireTimer(wishes))).toMatchObject({ villages: 1, cadres: 1, notified: 0 });

    const a = dataOf(await w.call(inbox, 'cadreA', 'list', {}));
    expect(a.unread).toBe(1);
    expect(a.items[0]).toMatchObject({ title: '心愿待审核', link: '/cadre/review-wishes/index', read: false });
    expect(a.items[0].body).toContain('1 条');
    expect(dataOf(await w.call(inbox, 'cadreB', 'list', {})).items).toEqual([]);

    w.clock.set('2026-11-25T00:30:00.000Z');
    expect(dataOf(await w.fireTimer(wishes))).toMatchObject({ villages: 1, cadres: 1, notified: 1 });
  });

  it('leaves out wishes that no longer wait for review', async () => {
    const done = dataOf(await submit('villagerB', { category: 'daily', text: '已经处理过的心愿' }));
    await closeWish(done.id);
    expect(dataOf(await w.fireTimer(wishes))).toMatchObject({ villages: 0, cadres: 0, notified: 0 });
  });

  it('reads what waits rather than every cadre: store calls follow the villages with wishes, not the county', async () => {
    const calls = { n: 0 };
    // Counts store round trips without slowing them.
    w.deps.store = withLatency(w.store, 1, async () => void calls.n++);
    dataOf(await w.fireTimer(wishes));
    const idle = calls.n;
    expect(idle).toBeLessThanOrEqual(2);
    for (let i = 0; i < 3; i++) dataOf(await submit('villagerA', { category: 'daily', text: `等待审核的心愿 ${i}` }));
    calls.n = 0;
    expect(dataOf(await w.fireTimer(wishes))).toMatchObject({ villages: 1, cadres: 1, notified: 1 });
    expect(calls.n).toBeLessThanOrEqual(idle + 3);
  });

  it('cannot be set off by a client that sends a timer-shaped event', async () => {
    const res = await wishes.invoke({ Type: 'Timer', TriggerName: 'daily' }, { openid: 'wx-m-va', source: 'client' }, w.deps);
    expect(!res.ok && res.error.code).toBe('COMMON.BAD_REQUEST');
  });
});
