import { dataOf, makeWorld, type World } from '../../test/support/world';
import { inboxHandler as inbox } from './handler';

let w: World;
beforeEach(async () => {
  w = await makeWorld();
  for (const [to, key, at] of [['m-ca', 'a1', '2026-11-20T01:00:00.000Z'], ['m-ca', 'a2', '2026-11-21T01:00:00.000Z'], ['m-cb', 'b1', '2026-11-21T01:00:00.000Z']]) {
    w.clock.set(at);
    await w.deps.notifier.notify({ to, title: `消息 ${key}`, body: '内容', link: null, dedupeKey: key });
  }
});

it('lists only the caller\'s own messages, newest first, with the unread count', async () => {
  const list = dataOf(await w.call(inbox, 'cadreA', 'list', {}));
  expect(list.items.map((m: { id: string }) => m.id)).toEqual(['a2', 'a1']);
  expect(list.unread).toBe(2);
  expect(dataOf(await w.call(inbox, 'villagerA', 'list', {}))).toEqual({ items: [], nextCursor: null, unread: 0 });
});

it('marks the caller\'s own messages read and ignores anyone else\'s', async () => {
  expect(dataOf(await w.call(inbox, 'cadreA', 'markRead', { ids: ['a1', 'b1', 'missing'] }))).toEqual({ updated: 1 });
  expect(dataOf(await w.call(inbox, 'cadreA', 'markRead', { ids: ['a1'] }))).toEqual({ updated: 0 });
  expect(dataOf(await w.call(inbox, 'cadreA', 'list', {})).unread).toBe(1);
  expect(dataOf(await w.call(inbox, 'cadreB', 'list', {})).items[0].read).toBe(false);
});

it('delivers a notification with the same dedupe key only once', async () => {
  expect(await w.deps.notifier.notify({ to: 'm-ca', title: 'again', body: '', link: null, dedupeKey: 'a1' })).toBe(false);
  expect(dataOf(await w.call(inbox, 'cadreA', 'list', {})).items).toHaveLength(2);
});

it('requires a bound caller', async () => {
  expect(await w.call(inbox, 'wx-stranger', 'list', {})).toMatchObject({ ok: false, error: { code: 'COMMON.NOT_BOUND', message: '请先用邀请码绑定身份' } });
});
