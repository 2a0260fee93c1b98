import { MAX_OPEN_WISHES, routes } from '../../types';
import { dataOf, makeWorld, type Person, type World } from '../../test/support/world';
import type { LocalFileStore } from '../core/adapters/local-files';
import { inboxHandler as inbox } from '../inbox/handler';
import { wishesHandler as wishes } from './handler';

let w: World;
beforeEach(async () => {
  w = await makeWorld();
});

const codeOf = (res: { ok: boolean; error?: { code: string } }) => (res.ok ? 'ok' : res.error!.code);
const submit = async (text = '冬天需要一床厚棉被', who: Person = 'villagerA') =>
  dataOf(await w.call(wishes, who, 'submit', { category: 'daily', text })).id as string;
const record = async (id: string) => (await w.store.collection('wishes').get(id))!;
const inboxOf = async (who: Person) =>
  dataOf(await w.call(inbox, who, 'list', {})).items as { title: string; body: string; link: string }[];
const quota = async () => dataOf(await w.call(wishes, 'villagerA', 'quota', {})).open as number;
const later = () => w.clock.set('2026-11-24T05:00:00.000Z');

describe('a cadre publishing a wish', () => {
  it('puts it on the wall with the edited summary and category, keeps the history and tells the villager', async () => {
    const id = await submit();
    later();
    const res = dataOf(
      await w.call(wishes, 'cadreA', 'review', { id, decision: 'publish', summary: '一床冬天用的厚棉被', category: 'clothing' }),
    );
    expect(res).toEqual({ id, status: 'published' });
    const stored = await record(id);
    expect(stored).toMatchObject({
      status: 'published',
      summary: '一床冬天用的厚棉被',
      category: 'clothing',
      publishedAt: '2026-11-24T05:00:00.000Z',
    });
    expect(stored.text).toBe('冬天需要一床厚棉被');
    expect(stored.history.map((h) => [h.action, h.by, h.from, h.to])).toEqual([
      ['submit', 'm-va', null, 'pending_review'],
      ['publish', 'm-ca', 'pending_review', 'published'],
    ]);
    expect(await inboxOf('villagerA')).toEqual([
      expect.objectContaining({ title: '心愿已上墙', link: routes.myWishes, body: expect.stringContaining('一床冬天用的厚棉被') }),
    ]);
    // Still open: the household keeps it under its cap.
    expect(await quota()).toBe(1);
    expect(dataOf(await w.call(wishes, 'cadreA', 'pendingReview', {})).items).toEqual([]);
  });

  it("publishes the villager's own words, cut to 100 characters, when the cadre writes no summary", async () => {
    const text = `${'家里老人腿脚不便想要一根结实的拐杖'.repeat(3)}。${'其他的话'.repeat(40)}`;
    const id = await submit(text.slice(0, 200));
    dataOf(await w.call(wishes, 'cadreA', 'review', { id, decision: 'publish' }));
    const stored = await record(id);
    expect(stored.summary).toBe(`${'家里老人腿脚不便想要一根结实的拐杖'.repeat(3)}。`);
    expect(stored.category).toBe('daily');
  });

  it('refuses a risky summary and leaves the wish waiting, unchanged', async () => {
    const id = await submit();
    const before = await record(id);
    const res = await w.call(wishes, 'cadreA', 'review', { id, decision: 'publish', summary: '一床棉被，可代开发票' });
    expect(codeOf(res)).toBe('WISH.CONTENT_RISKY');
    expect(await record(id)).toEqual(before);
    expect(await inboxOf('villagerA')).toEqual([]);
  });

  it('checks the summary with the reviewing cadre’s openid', async () => {
    const id = await submit();
    const seen: (string | null)[] = [];
    w.deps.content = { check: async (_t, openid) => (seen.push(openid), 'review') };
    // 'review' asks for a person: the cadre is that person, so it publishes.
    expect(dataOf(await w.call(wishes, 'cadreA', 'review', { id, decision: 'publish' })).status).toBe('published');
    expect(seen).toEqual(['wx-m-ca']);
  });
});

describe('a cadre rejecting a wish', () => {
  it('needs a reason, which the villager reads, and frees the place under the cap', async () => {
    const id = await submit();
    const noReason = await w.call(wishes, 'cadreA', 'review', { id, decision: 'reject' });
    expect(noReason).toEqual({ ok: false, error: { code: 'COMMON.INVALID_INPUT', message: '请填写不通过的原因' } });
    expect((await record(id)).status).toBe('pending_review');

    expect(dataOf(await w.call(wishes, 'cadreA', 'review', { id, decision: 'reject', reason: '现金需求不属于微心愿' }))).toEqual({
      id,
      status: 'rejected',
    });
    expect(await record(id)).toMatchObject({ status: 'rejected', rejectReason: '现金需求不属于微心愿', summary: null, publishedAt: null });
    expect((await record(id)).history.at(-1)).toMatchObject({ action: 'reject', by: 'm-ca', note: '现金需求不属于微心愿' });
    const [notice] = await inboxOf('villagerA');
    expect(notice).toMatchObject({ title: '心愿未通过审核', link: routes.myWishes, body: expect.stringContaining('现金需求不属于微心愿') });
    expect(dataOf(await w.call(wishes, 'villagerA', 'mine', {})).items[0]).toMatchObject({
      status: 'rejected',
      rejectReason: '现金需求不属于微心愿',
    });
    expect(await quota()).toBe(0);
  });

  it('lets a full household submit again once one of its wishes is rejected', async () => {
    const ids = [await submit('第一个心愿：棉被'), await submit('第二个心愿：书包'), await submit('第三个心愿：化肥')];
    expect(codeOf(await w.call(wishes, 'villagerA', 'submit', { category: 'daily', text: '第四个心愿：收音机' }))).toBe(
      'WISH.TOO_MANY_OPEN',
    );
    dataOf(await w.call(wishes, 'cadreA', 'review', { id: ids[1], decision: 'reject', reason: '请写清楚需要什么' }));
    dataOf(await w.call(wishes, 'villagerA', 'submit', { category: 'daily', text: '第四个心愿：收音机' }));
  });
});

describe('a wish a cadre wrote down for a household', () => {
  it("tells the household's bound villagers of the review, not the cadre who wrote it", async () => {
    const id = dataOf(
      await w.call(wishes, 'cadreA', 'submitFor', { householdId: 'h-a1', category: 'daily', text: '想要一个暖手宝', channel: 'phone' }),
    ).id;
    dataOf(await w.call(wishes, 'cadreA', 'review', { id, decision: 'reject', reason: '已由村里统一发放' }));
    for (const who of ['villagerA', 'neighbourA'] as const) {
      expect(await inboxOf(who)).toEqual([
        expect.objectContaining({ title: '心愿未通过审核', body: expect.stringContaining('已由村里统一发放') }),
      ]);
    }
    // 王小虎 has not bound a WeChat yet: no inbox to read.
    expect(await w.store.collection('inbox').count({ to: 'm-ua' })).toBe(0);
    expect(await inboxOf('cadreA')).toEqual([]);
  });
});

describe('refused reviews change nothing', () => {
  it('calls a wish of another village, or none, not found, to a cadre', async () => {
    const id = await submit();
    const before = await record(id);
    for (const input of [
      { id, decision: 'publish' },
      { id, decision: 'reject', reason: '不通过的原因' },
      { id: 'no-such-wish', decision: 'publish' },
    ]) {
      expect(codeOf(await w.call(wishes, 'cadreB', 'review', input))).toBe('WISH.NOT_FOUND');
    }
    expect(await record(id)).toEqual(before);
  });

  it('refuses everyone but cadres', async () => {
    const id = await submit();
    for (const who of ['villagerA', 'helperA', 'office'] as const) {
      expect(codeOf(await w.call(wishes, who, 'review', { id, decision: 'publish' }))).toBe('COMMON.FORBIDDEN');
    }
    expect((await record(id)).status).toBe('pending_review');
  });

  it('refuses a second review with WISH.BAD_TRANSITION and sends no second notice', async () => {
    const id = await submit();
    dataOf(await w.call(wishes, 'cadreA', 'review', { id, decision: 'publish' }));
    const after = await record(id);
    expect(codeOf(await w.call(wishes, 'cadreA', 'review', { id, decision: 'reject', reason: '改主意了' }))).toBe('WISH.BAD_TRANSITION');
    expect(codeOf(await w.call(wishes, 'cadreA', 'review', { id, decision: 'publish', summary: '另一个摘要' }))).toBe(
      'WISH.BAD_TRANSITION',
    );
    expect(await record(id)).toEqual(after);
    expect(await inboxOf('villagerA')).toHaveLength(1);
    expect(await quota()).toBe(1);
  });
});

describe('withdrawing a wish', () => {
  it('by the villager, waiting or published, frees its place and is kept in the history', async () => {
    const waiting = await submit('第一个心愿：棉被');
    const published = await submit('第二个心愿：书包');
    dataOf(await w.call(wishes, 'cadreA', 'review', { id: published, decision: 'publish' }));
    expect(await quota()).toBe(2);
    expect(dataOf(await w.call(wishes, 'villagerA', 'withdraw', { id: waiting }))).toEqual({ id: waiting, status: 'withdrawn' });
    // Another villager of the household may withdraw it too.
    expect(dataOf(await w.call(wishes, 'neighbourA', 'withdraw', { id: published }))).toEqual({ id: published, status: 'withdrawn' });
    expect(await quota()).toBe(0);
    expect((await record(published)).history.map((h) => [h.action, h.by, h.to])).toEqual([
      ['submit', 'm-va', 'pending_review'],
      ['publish', 'm-ca', 'published'],
      ['withdraw', 'm-va2', 'withdrawn'],
    ]);
  });

  it('by the village cadre for the household', async () => {
    const id = await submit();
    expect(dataOf(await w.call(wishes, 'cadreA', 'withdraw', { id })).status).toBe('withdrawn');
    expect((await record(id)).history.at(-1)).toMatchObject({ action: 'withdraw', by: 'm-ca', from: 'pending_review' });
    expect(await quota()).toBe(0);
  });

  it('lets a full household submit again', async () => {
    const ids = [await submit('第一个心愿：棉被'), await submit('第二个心愿：书包'), await submit('第三个心愿：化肥')];
    dataOf(await w.call(wishes, 'villagerA', 'withdraw', { id: ids[0] }));
    dataOf(await w.call(wishes, 'villagerA', 'submit', { category: 'daily', text: '第四个心愿：收音机' }));
    expect(await quota()).toBe(MAX_OPEN_WISHES);
  });

  it('is not found for anyone outside the household and its village cadres, and changes nothing', async () => {
    const id = await submit();
    const before = await record(id);
    for (const who of ['villagerB', 'cadreB'] as const)
      expect(codeOf(await w.call(wishes, who, 'withdraw', { id }))).toBe('WISH.NOT_FOUND');
    for (const who of ['helperA', 'office'] as const)
      expect(codeOf(await w.call(wishes, who, 'withdraw', { id }))).toBe('COMMON.FORBIDDEN');
    expect(codeOf(await w.call(wishes, 'villagerA', 'withdraw', { id: 'no-such-wish' }))).toBe('WISH.NOT_FOUND');
    expect(await record(id)).toEqual(before);
    expect(await quota()).toBe(1);
  });

  it('is refused once withdrawn, rejected or claimed, without lowering the count again', async () => {
    const withdrawn = await submit('第一个心愿：棉被');
    dataOf(await w.call(wishes, 'villagerA', 'withdraw', { id: withdrawn }));
    const rejected = await submit('第二个心愿：书包');
    dataOf(await w.call(wishes, 'cadreA', 'review', { id: rejected, decision: 'reject', reason: '请写清楚' }));
    const claimed = await submit('第三个心愿：化肥');
    await w.store.collection('wishes').updateIf(claimed, {}, { status: 'claimed', claimerId: 'm-ha' });
    const open = await quota();
    for (const id of [withdrawn, rejected, claimed]) {
      const before = await record(id);
      expect(codeOf(await w.call(wishes, 'villagerA', 'withdraw', { id }))).toBe('WISH.BAD_TRANSITION');
      expect(await record(id)).toEqual(before);
    }
    expect(await quota()).toBe(open);
  });
});

describe('the review list', () => {
  it("links the wish's photos for the reviewing cadre, with one call to the file store per page", async () => {
    const files = w.deps.files as LocalFileStore;
    const photos = [
      await files.upload(new Uint8Array([0xff, 0xd8, 1]), 'image/jpeg'),
      await files.upload(new Uint8Array([0xff, 0xd8, 2]), 'image/jpeg'),
    ];
    dataOf(await w.call(wishes, 'villagerA', 'submit', { category: 'daily', text: '房顶漏雨想要一块油布', photos }));
    await submit('没有照片的心愿');
    const calls: number[] = [];
    const real = files.temporaryUrls.bind(files);
    w.deps.files = { ...files, temporaryUrls: async (ids) => (calls.push(ids.length), real(ids)) };
    const page = dataOf(await w.call(wishes, 'cadreA', 'pendingReview', {}));
    expect(calls).toEqual([2]);
    const withPhotos = page.items.find((i: { text: string }) => i.text === '房顶漏雨想要一块油布');
    expect(withPhotos.photoUrls).toEqual([expect.stringMatching(/^\/api\/files\/[0-9a-f]{64}\.jpg\?exp=\d+&sig=/), expect.any(String)]);
    expect(page.items.find((i: { text: string }) => i.text === '没有照片的心愿').photoUrls).toEqual([]);
    expect(JSON.stringify(page)).not.toContain('local://');
  });
});
