import { dataOf } from '../../test/support/world';
import { asNoticePerson, makeNoticeWorld, type NoticeWorld } from '../../test/support/notice-world';
import { noticesHandler as notices } from './handler';

let w: NoticeWorld;
beforeEach(async () => {
  w = await makeNoticeWorld();
});

const county = asNoticePerson('countyOffice');
const farCadre = asNoticePerson('farCadre');
const call = (who: string, action: string, input: unknown = {}) => w.call(notices, who, action, input);
const ok = async (who: string, action: string, input: unknown = {}) => dataOf(await call(who, action, input));
const codeOf = async (who: string, action: string, input: unknown = {}) => {
  const res = await call(who, action, input);
  return res.ok ? 'ok' : res.error.code;
};
const announce = (who: string, over: Record<string, unknown> = {}) =>
  ok(who, 'publish', { kind: 'announcement', title: '冬季防火通知', body: '天干物燥，请各家各户注意用火安全。', ...over });
const redRain = (over: Record<string, unknown> = {}) => ({
  type: '暴雨',
  level: 'red',
  title: '暴雨红色预警',
  text: '县气象台电话通知：今天夜里有大暴雨，低洼地带的人家请马上转移。',
  start: '2026-11-24T02:00:00.000Z',
  end: '2026-11-25T02:00:00.000Z',
  ...over,
});
const inboxOf = (memberId: string) =>
  w.store.collection('inbox').find({ to: memberId }, { orderBy: [{ field: 'createdAt', direction: 'desc' }] });
const ids = (page: { items: { id: string }[] }) => page.items.map((n) => n.id);

describe('publishing an announcement', () => {
  it('lists a cadre’s announcement in their village, newest first, the same id publish answered, and tells its users', async () => {
    const first = await announce('cadreA');
    w.clock.set('2026-11-24T03:00:00.000Z');
    const second = await announce('cadreA', { title: '医保缴费提醒' });
    expect(second).toMatchObject({ kind: 'announcement', publisher: '驻村干部 赵明远', active: false, read: false });
    const page = await ok('villagerA', 'list');
    expect(ids(page)).toEqual([second.id, first.id]);
    expect(page.unread).toBe(2);
    expect(await inboxOf('m-va')).toEqual([
      expect.objectContaining({ title: '新通知：医保缴费提醒' }),
      expect.objectContaining({ title: '新通知：冬季防火通知' }),
    ]);
    expect(await inboxOf('m-ha')).toHaveLength(2);
  });

  it('keeps a village’s notices from another village’s villagers, cadres and office of another township', async () => {
    const notice = await announce('cadreA');
    expect((await ok('villagerB', 'list')).items).toEqual([]);
    expect((await ok('cadreB', 'list')).items).toEqual([]);
    expect((await ok(farCadre, 'list')).items).toEqual([]);
    for (const who of ['villagerB', 'cadreB', farCadre]) {
      expect(await codeOf(who, 'get', { id: notice.id })).toBe('NOTICE.NOT_FOUND');
      expect(await codeOf(who, 'markRead', { id: notice.id })).toBe('NOTICE.NOT_FOUND');
    }
    expect(await codeOf('cadreB', 'readers', { id: notice.id })).toBe('NOTICE.NOT_FOUND');
    expect(await inboxOf('m-vb')).toEqual([]);
  });

  it('shows it to the township and county offices over the village', async () => {
    const notice = await announce('cadreA');
    expect(ids(await ok('office', 'list'))).toEqual([notice.id]);
    expect(ids(await ok(county, 'list'))).toEqual([notice.id]);
  });

  it('lets a cadre publish to their own village only', async () => {
    expect(
      await codeOf('cadreA', 'publish', { kind: 'announcement', title: '通知标题', body: '通知内容写五个字', villageIds: ['v-liuxi'] }),
    ).toBe('NOTICE.OUT_OF_SCOPE');
    expect(await w.store.collection('notices').count({})).toBe(0);
  });

  it('sends an office’s notice to every village of its area, or those it names inside it', async () => {
    const all = await announce('office');
    expect(all.publisher).toBe('石桥镇驻村办');
    expect(ids(await ok('villagerA', 'list'))).toEqual([all.id]);
    expect(ids(await ok('villagerB', 'list'))).toEqual([all.id]);
    expect((await ok(farCadre, 'list')).items).toEqual([]);
    expect(
      await codeOf('office', 'publish', { kind: 'announcement', title: '通知标题', body: '通知内容写五个字', villageIds: ['v-far'] }),
    ).toBe('NOTICE.OUT_OF_SCOPE');
    const countyWide = await announce(county, { title: '全县通知' });
    expect(countyWide.publisher).toBe('青禾县驻村办');
    expect(ids(await ok(farCadre, 'list'))).toEqual([countyWide.id]);
  });

  it('answers a retried request with the notice it made, once', async () => {
    const input = {
      kind: 'announcement',
      title: '冬季防火通知',
      body: '天干物燥，请注意用火安全。',
      requestId: '0b6f7c4e-8f0a-4c53-9a55-3d7d1e2f0a01',
    };
    const [a, b] = await Promise.all([ok('cadreA', 'publish', input), ok('cadreA', 'publish', input)]);
    const c = await ok('cadreA', 'publish', input);
    expect(new Set([a.id, b.id, c.id]).size).toBe(1);
    expect(await w.store.collection('notices').count({})).toBe(1);
    expect(await inboxOf('m-va')).toHaveLength(1);
  });

  it('tells the village’s users when a retry finishes an announcement whose first attempt stopped before telling them', async () => {
    const input = {
      kind: 'announcement',
      title: '冬季防火通知',
      body: '天干物燥，请注意用火安全。',
      requestId: '0b6f7c4e-8f0a-4c53-9a55-3d7d1e2f0a03',
    };
    const first = await ok('cadreA', 'publish', input);
    // As if the first attempt stopped after storing the notice: not delivered, nobody told.
    await w.store.collection('notices').updateIf(first.id, {}, { deliveredAt: null });
    for (const m of await inboxOf('m-va')) await w.store.collection('inbox').remove(m._id);
    expect((await ok('cadreA', 'publish', input)).id).toBe(first.id);
    expect(await inboxOf('m-va')).toEqual([expect.objectContaining({ title: '新通知：冬季防火通知' })]);
  });

  it('refuses text the content check rejects, storing nothing', async () => {
    const res = await call('cadreA', 'publish', { kind: 'announcement', title: '赌博通知', body: '来村口参加赌博活动。' });
    expect(!res.ok && res.error.code).toBe('CONTENT.REJECTED');
    expect(await w.store.collection('notices').count({})).toBe(0);
  });

  it('tells only the cadres of a local farming tip', async () => {
    await ok('cadreA', 'publish', { kind: 'farming', title: '麦田浇冻水', body: '立冬前后给麦田浇一遍冻水。' });
    expect(await inboxOf('m-va')).toEqual([]);
    expect(await inboxOf('m-ca')).toHaveLength(1);
  });

  it('is for staff only', async () => {
    for (const who of ['villagerA', 'helperA'])
      expect(await codeOf(who, 'publish', { kind: 'announcement', title: '通知', body: '通知内容五个字' })).toBe('COMMON.FORBIDDEN');
  });

  it('offers staff the villages they may send to', async () => {
    expect(await ok('cadreA', 'villages')).toEqual({ items: [{ id: 'v-xinghua', name: '杏花村' }] });
    expect((await ok('office', 'villages')).items.map((v: { id: string }) => v.id).sort()).toEqual(['v-liuxi', 'v-xinghua']);
    expect((await ok(county, 'villages')).items).toHaveLength(3);
    expect(await codeOf('villagerA', 'villages')).toBe('COMMON.FORBIDDEN');
  });
});

describe('reading notices', () => {
  it('marks a notice read for the reader only, lowering their unread count', async () => {
    const notice = await announce('cadreA');
    expect(await ok('villagerA', 'markRead', { id: notice.id })).toEqual({ read: true });
    expect(await ok('villagerA', 'markRead', { id: notice.id })).toEqual({ read: true });
    const mine = await ok('villagerA', 'list');
    expect(mine).toMatchObject({ unread: 0, items: [expect.objectContaining({ read: true })] });
    expect(await ok('neighbourA', 'list')).toMatchObject({ unread: 1, items: [expect.objectContaining({ read: false })] });
    expect(await ok('villagerA', 'get', { id: notice.id })).toMatchObject({ read: true, villageNames: ['杏花村'], canSeeReaders: false });
    expect(await ok('cadreA', 'get', { id: notice.id })).toMatchObject({ canSeeReaders: true });
  });

  it('counts only the last 30 days as unread', async () => {
    await announce('cadreA');
    w.clock.set('2026-12-25T02:00:00.000Z');
    expect(await ok('villagerA', 'list')).toMatchObject({ unread: 0, items: [expect.anything()] });
  });

  it('pages by publication time, with nothing repeated or lost', async () => {
    const made: string[] = [];
    for (let i = 0; i < 5; i++) {
      w.clock.set(`2026-11-24T0${2 + i}:00:00.000Z`);
      made.unshift((await announce('cadreA', { title: `第${i + 1}号通知` })).id);
    }
    const first = await ok('villagerA', 'list', { limit: 2 });
    const second = await ok('villagerA', 'list', { limit: 2, cursor: first.nextCursor });
    const third = await ok('villagerA', 'list', { limit: 2, cursor: second.nextCursor });
    expect([...ids(first), ...ids(second), ...ids(third)]).toEqual(made);
    expect(third.nextCursor).toBeNull();
  });

  it('pins warnings in force on top of the first page only, the most severe first', async () => {
    await announce('cadreA');
    w.clock.set('2026-11-24T02:10:00.000Z');
    const yellow = await ok('office', 'enterWarning', redRain({ level: 'yellow', type: '大风', title: '大风黄色预警' }));
    const red = await ok('office', 'enterWarning', redRain());
    w.clock.set('2026-11-24T04:00:00.000Z');
    const later = await announce('cadreA', { title: '较新的通知' });
    const page = await ok('villagerA', 'list', { limit: 1 });
    expect(ids(page)).toEqual([red.id, yellow.id, later.id]);
    const next = await ok('villagerA', 'list', { limit: 5, cursor: page.nextCursor });
    expect(next.items.map((n: { kind: string }) => n.kind)).toEqual(['announcement']);
  });
});

describe('readers', () => {
  it('shows the cadre how many of the village have read it and who has not, with a phone to call', async () => {
    const notice = await ok('office', 'enterWarning', redRain());
    await ok('villagerA', 'markRead', { id: notice.id });
    const readers = await ok('cadreA', 'readers', { id: notice.id });
    expect(readers.read).toBe(1);
    expect(readers.total).toBe(5);
    expect(readers.unread).toEqual(
      expect.arrayContaining([
        { memberId: 'm-va2', name: '王建国', villageName: '杏花村', label: '三组 12 号', phone: '100-0000-0001', bound: true },
        { memberId: 'm-ua', name: '王小虎', villageName: '杏花村', label: '三组 12 号', phone: '100-0000-0001', bound: false },
        expect.objectContaining({ memberId: 'm-ha', label: '帮扶责任人', bound: true }),
        expect.objectContaining({ memberId: 'm-ca', label: '驻村干部' }),
      ]),
    );
    expect(readers.unread).toHaveLength(4);
    // 柳溪村's people are the township office's to see, not 杏花村's cadre's.
    expect(readers.unread.every((r: { villageName: string }) => r.villageName === '杏花村')).toBe(true);
    // Staff without a household are phoned on their own number.
    expect(readers.unread.find((r: { memberId: string }) => r.memberId === 'm-ha')).toMatchObject({ phone: '100-0000-0000' });
    const office = await ok('office', 'readers', { id: notice.id });
    expect(office.total).toBe(7);
    expect(office.unread.map((r: { villageName: string }) => r.villageName)).toContain('柳溪村');
  });

  it('is for staff who may see the notice', async () => {
    const notice = await announce('cadreA');
    expect(await codeOf('villagerA', 'readers', { id: notice.id })).toBe('COMMON.FORBIDDEN');
    expect(await codeOf(farCadre, 'readers', { id: notice.id })).toBe('NOTICE.NOT_FOUND');
    expect(await codeOf('cadreA', 'readers', { id: 'nope' })).toBe('NOTICE.NOT_FOUND');
  });
});

describe('an office entering a warning', () => {
  it('publishes a red warning to its villages at once, pinned on top, the id list shows', async () => {
    const notice = await ok('office', 'enterWarning', redRain());
    expect(notice).toMatchObject({ kind: 'warning', level: 'red', warningType: '暴雨', active: true, publisher: '石桥镇驻村办' });
    expect(ids(await ok('villagerA', 'list'))).toEqual([notice.id]);
    expect(ids(await ok('villagerB', 'list'))).toEqual([notice.id]);
    expect((await ok(farCadre, 'list')).items).toEqual([]);
    expect(await inboxOf('m-va')).toEqual([expect.objectContaining({ title: '【红色预警】暴雨红色预警' })]);
    expect(await inboxOf('m-vb')).toHaveLength(1);
  });

  it('tells only the cadres of a blue or yellow one', async () => {
    await ok('office', 'enterWarning', redRain({ level: 'blue' }));
    expect(await inboxOf('m-va')).toEqual([]);
    expect(await inboxOf('m-ca')).toHaveLength(1);
    expect(await inboxOf('m-cb')).toHaveLength(1);
  });

  it('answers a retried request with one warning and one notification', async () => {
    const input = redRain({ requestId: '0b6f7c4e-8f0a-4c53-9a55-3d7d1e2f0a02' });
    const [a, b] = await Promise.all([ok('office', 'enterWarning', input), ok('office', 'enterWarning', input)]);
    expect(b.id).toBe(a.id);
    expect((await ok('office', 'enterWarning', input)).id).toBe(a.id);
    expect(await w.store.collection('notices').count({})).toBe(0 + 1);
    expect(await inboxOf('m-va')).toHaveLength(1);
  });

  it('tells every user when a retry finishes a red warning whose first attempt stopped before telling them', async () => {
    const input = redRain({ requestId: '0b6f7c4e-8f0a-4c53-9a55-3d7d1e2f0a04' });
    const first = await ok('office', 'enterWarning', input);
    await w.store.collection('notices').updateIf(first.id, {}, { deliveredAt: null });
    for (const m of await inboxOf('m-va')) await w.store.collection('inbox').remove(m._id);
    expect((await ok('office', 'enterWarning', input)).id).toBe(first.id);
    expect(await inboxOf('m-va')).toEqual([expect.objectContaining({ title: '【红色预警】暴雨红色预警' })]);
  });

  it('has the timer finish a red warning whose call stopped before telling everyone, once it is 5 minutes old', async () => {
    const first = await ok('office', 'enterWarning', redRain());
    await w.store.collection('notices').updateIf(first.id, {}, { deliveredAt: null });
    for (const m of await inboxOf('m-va')) await w.store.collection('inbox').remove(m._id);
    const tick = async () => dataOf(await w.fireTimer(notices, 'tick'));
    w.clock.set(new Date(Date.parse(first.publishedAt) + 4 * 60_000).toISOString());
    expect(await tick()).toMatchObject({ finished: 0 });
    expect(await inboxOf('m-va')).toEqual([]);
    w.clock.set(new Date(Date.parse(first.publishedAt) + 6 * 60_000).toISOString());
    expect(await tick()).toMatchObject({ finished: 1 });
    expect(await inboxOf('m-va')).toEqual([expect.objectContaining({ title: '【红色预警】暴雨红色预警' })]);
    expect(await inboxOf('m-ha')).toHaveLength(1);
    expect(await tick()).toMatchObject({ finished: 0 });
    expect(await inboxOf('m-va')).toHaveLength(1);
  });

  it('refuses a warning already over, storing nothing', async () => {
    const over = await call('office', 'enterWarning', redRain({ start: '2026-11-23T01:00:00.000Z', end: '2026-11-24T01:00:00.000Z' }));
    expect(!over.ok && over.error.code).toBe('NOTICE.ALREADY_OVER');
    expect(await w.store.collection('notices').count({})).toBe(0);
  });

  it('does not hand an office another township’s warning for a source id it reuses', async () => {
    await ok(county, 'enterWarning', redRain({ villageIds: ['v-far'], sourceId: 'fax-far-1' }));
    expect(await codeOf('office', 'enterWarning', redRain({ sourceId: 'fax-far-1' }))).toBe('NOTICE.NOT_FOUND');
    expect(await w.store.collection('notices').count({})).toBe(1);
    expect((await ok('villagerA', 'list')).items).toEqual([]);
  });

  it('refuses an update of a cancelled warning with NOTICE.NOT_FOUND, leaving it cancelled', async () => {
    const notice = await ok('office', 'enterWarning', redRain({ sourceId: 'fax-9' }));
    await ok('office', 'enterWarning', redRain({ status: 'cancel', sourceId: 'fax-9' }));
    expect(await codeOf('office', 'enterWarning', redRain({ status: 'update', sourceId: notice.id, title: '又来了' }))).toBe(
      'NOTICE.NOT_FOUND',
    );
    expect(await ok('villagerA', 'get', { id: notice.id })).toMatchObject({ cancelled: true, title: '暴雨红色预警' });
  });

  it('publishes a warning of a given source id once', async () => {
    const a = await ok('office', 'enterWarning', redRain({ sourceId: 'fax-2026-112' }));
    const b = await ok('office', 'enterWarning', redRain({ sourceId: 'fax-2026-112' }));
    expect(b.id).toBe(a.id);
    expect(await w.store.collection('notices').count({})).toBe(1);
  });

  it('updates the warning it names by id or source id in place, and cancels it', async () => {
    const yellow = await ok('office', 'enterWarning', redRain({ level: 'yellow', sourceId: 'fax-1' }));
    const red = await ok('office', 'enterWarning', redRain({ status: 'update', sourceId: 'fax-1', title: '暴雨升级为红色预警' }));
    expect(red).toMatchObject({ id: yellow.id, level: 'red', title: '暴雨升级为红色预警' });
    expect(await inboxOf('m-va')).toHaveLength(1);
    const cancelled = await ok('office', 'enterWarning', redRain({ status: 'cancel', sourceId: yellow.id, title: '解除暴雨预警' }));
    expect(cancelled).toMatchObject({ id: yellow.id, cancelled: true, active: false });
    expect(await ok('villagerA', 'get', { id: yellow.id })).toMatchObject({ cancelled: true, title: '暴雨升级为红色预警' });
    expect(await w.store.collection('notices').count({})).toBe(1);
  });

  it('says NOTICE.NOT_FOUND for an update of nothing, of an announcement or of another township’s warning', async () => {
    expect(await codeOf('office', 'enterWarning', redRain({ status: 'update', sourceId: 'nothing' }))).toBe('NOTICE.NOT_FOUND');
    expect(await codeOf('office', 'enterWarning', redRain({ status: 'cancel' }))).toBe('NOTICE.NOT_FOUND');
    const notice = await announce('cadreA');
    expect(await codeOf('office', 'enterWarning', redRain({ status: 'update', sourceId: notice.id }))).toBe('NOTICE.NOT_FOUND');
    const far = await ok(county, 'enterWarning', redRain({ villageIds: ['v-far'] }));
    expect(await codeOf('office', 'enterWarning', redRain({ status: 'cancel', sourceId: far.id }))).toBe('NOTICE.NOT_FOUND');
  });

  it('keeps an office to the villages of its area', async () => {
    expect(await codeOf('office', 'enterWarning', redRain({ villageIds: ['v-far'] }))).toBe('NOTICE.OUT_OF_SCOPE');
    expect(await codeOf('office', 'enterWarning', redRain({ villageIds: ['v-nowhere'] }))).toBe('NOTICE.OUT_OF_SCOPE');
    expect(await w.store.collection('notices').count({})).toBe(0);
  });

  it('refuses an end before the start, and is for offices only', async () => {
    const res = await call('office', 'enterWarning', redRain({ end: '2026-11-24T01:00:00.000Z' }));
    expect(res).toEqual({ ok: false, error: { code: 'COMMON.INVALID_INPUT', message: '解除时间要晚于开始时间' } });
    for (const who of ['cadreA', 'villagerA', 'helperA']) expect(await codeOf(who, 'enterWarning', redRain())).toBe('COMMON.FORBIDDEN');
  });
});
