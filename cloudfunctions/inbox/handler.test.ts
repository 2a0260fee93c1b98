import { dataOf, makeWorld, type World } from '../../test/support/world';
import { inboxHandler as inbox } from './handler';

let w: World;
beforeEach(async () => {
  w = await makeWorld();
  for (const [to, key, at] of [
    ['m-ca', 'a1', '2026-11-20T01:00:00.000Z'],
    ['m-ca', 'a2', '2026-11-21T01:00:00.000Z'],
    ['m-cb', 'b1', '2026-11-21T01:00:00.000Z'],
  ]) {
    w.clock.set(at);
    await w.deps.notifier.notify({ to, title: `消息 ${key}`, body: '内容', link: null, dedupeKey: key });
  }
});

it("lists only the caller's own messages, newest first, with the unread count", async () => {
  const list = dataOf(await w.call(inbox, 'cadreA', 'list', {}));
  expect(list.items.map((m: { title: string }) => m.title)).toEqual(['消息 a2', '消息 a1']);
  expect(list.unread).toBe(2);
  expect(dataOf(await w.call(inbox, 'villagerA', 'list', {}))).toEqual({ items: [], nextCursor: null, unread: 0 });
});

const idOf = async (who: 'cadreA' | 'cadreB', title: string): Promise<string> =>
  dataOf(await w.call(inbox, who, 'list', {})).items.find((m: { title: string }) => m.title === title).id;

it("marks the caller's own messages read and ignores anyone else's", async () => {
  const [a1, b1] = [await idOf('cadreA', '消息 a1'), await idOf('cadreB', '消息 b1')];
  expect(dataOf(await w.call(inbox, 'cadreA', 'markRead', { ids: [a1, b1, 'missing'] }))).toEqual({ updated: 1 });
  expect(dataOf(await w.call(inbox, 'cadreA', 'markRead', { ids: [a1] }))).toEqual({ updated: 0 });
  expect(dataOf(await w.call(inbox, 'cadreA', 'list', {})).unread).toBe(1);
  expect(dataOf(await w.call(inbox, 'cadreB', 'list', {})).items[0].read).toBe(false);
});

it('delivers a notification with the same dedupe key only once', async () => {
  expect(await w.deps.notifier.notify({ to: 'm-ca', title: 'again', body: '', link: null, dedupeKey: 'a1' })).toBe(false);
  expect(dataOf(await w.call(inbox, 'cadreA', 'list', {})).items).toHaveLength(2);
});

it('stores a notification under a fixed-length id however long its dedupe key, and lists it', async () => {
  const key = `review-reminder:${'m'.repeat(64)}:2026-11-24`;
  expect(await w.deps.notifier.notify({ to: 'm-ca', title: 'long', body: '', link: null, dedupeKey: key })).toBe(true);
  expect(await w.deps.notifier.notify({ to: 'm-ca', title: 'long', body: '', link: null, dedupeKey: key })).toBe(false);
  const list = dataOf(await w.call(inbox, 'cadreA', 'list', {}));
  expect(list.items.map((m: { id: string }) => m.id.length)).toEqual([32, 32, 32]);
});

it('pages newest first without repeating a message that arrives between pages', async () => {
  const first = dataOf(await w.call(inbox, 'cadreA', 'list', { limit: 1 }));
  w.clock.set('2026-11-22T01:00:00.000Z');
  await w.deps.notifier.notify({ to: 'm-ca', title: '消息 a3', body: '', link: null, dedupeKey: 'a3' });
  const second = dataOf(await w.call(inbox, 'cadreA', 'list', { limit: 5, cursor: first.nextCursor }));
  expect([...first.items, ...second.items].map((m: { title: string }) => m.title)).toEqual(['消息 a2', '消息 a1']);
  expect(second.nextCursor).toBeNull();
  expect(await w.call(inbox, 'cadreA', 'list', { cursor: 'not a cursor' })).toEqual({
    ok: false,
    error: { code: 'COMMON.INVALID_INPUT', message: '翻页位置无效，请刷新后重试' },
  });
});

it('requires a bound caller', async () => {
  expect(await w.call(inbox, 'wx-stranger', 'list', {})).toMatchObject({
    ok: false,
    error: { code: 'COMMON.NOT_BOUND', message: '请先用邀请码绑定身份' },
  });
});
