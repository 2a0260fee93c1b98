import { dataOf } from '../../test/support/world';
import { asNoticePerson, makeNoticeWorld, type NoticeWorld } from '../../test/support/notice-world';
import { pollWarnings } from './tick';
import { noticesHandler as notices } from './handler';
import { answer, DEMO_LOCATION, rainstorm, rainstormCancel, rainstormRed } from './qweather.fixtures';
import { weatherLocationsSchema } from './locations';
import locationsFile from '../../config/weather-locations.json';

let w: NoticeWorld;
beforeEach(async () => {
  w = await makeNoticeWorld();
});

const tick = async () => dataOf(await w.fireTimer(notices, 'tick'));
const list = async (who: string) => dataOf(await w.call(notices, who, 'list', {}));
const inboxOf = (memberId: string) =>
  w.store.collection('inbox').find({ to: memberId }, { orderBy: [{ field: 'createdAt', direction: 'desc' }] });
const warningNotices = () => w.store.collection('notices').count({});

describe('polling QWeather for the configured locations', () => {
  it('publishes a new yellow warning to every village of the county, on the list and to the cadres only', async () => {
    w.feed.set(DEMO_LOCATION, answer(rainstorm()));
    expect(await tick()).toMatchObject({ publish: 1, locationsFailed: 0, termNotices: 0 });
    for (const who of ['villagerA', 'villagerB', 'cadreA', 'office']) {
      const page = await list(who);
      expect(page.items).toEqual([
        expect.objectContaining({
          kind: 'warning',
          level: 'yellow',
          warningType: '暴雨',
          active: true,
          cancelled: false,
          publisher: '青禾县气象台',
          read: false,
        }),
      ]);
    }
    expect(await inboxOf('m-ca')).toEqual([expect.objectContaining({ title: '【黄色预警】青禾县气象台发布暴雨黄色预警信号' })]);
    expect(await inboxOf('m-va')).toEqual([]);
  });

  it('spends a WeChat subscription message only on orange and red, never on yellow', async () => {
    const notify = jest.spyOn(w.deps.notifier, 'notify');
    w.feed.set(DEMO_LOCATION, answer(rainstorm()));
    await tick();
    expect(notify.mock.calls.length).toBeGreaterThan(0);
    expect(notify.mock.calls.every(([n]) => n.nudge === false)).toBe(true);
    notify.mockClear();
    w.clock.set('2026-11-24T02:30:00.000Z');
    w.feed.set(DEMO_LOCATION, answer(rainstormRed()));
    await tick();
    expect(notify.mock.calls.length).toBeGreaterThan(0);
    expect(notify.mock.calls.every(([n]) => n.nudge === true)).toBe(true);
  });

  it('never publishes the same warning twice, however often it is polled', async () => {
    w.feed.set(DEMO_LOCATION, answer(rainstorm()));
    await tick();
    expect(await tick()).toMatchObject({ seen: 1 });
    expect(await warningNotices()).toBe(1);
    expect(await inboxOf('m-ca')).toHaveLength(1);
  });

  it('replaces the notice with an update raised to red, in place, and tells every user of the villages at once', async () => {
    w.feed.set(DEMO_LOCATION, answer(rainstorm()));
    await tick();
    const [yellow] = (await list('villagerA')).items;
    w.clock.set('2026-11-24T02:30:00.000Z');
    w.feed.set(DEMO_LOCATION, answer(rainstormRed()));
    expect(await tick()).toMatchObject({ replace: 1 });
    const [red] = (await list('villagerA')).items;
    expect(red).toMatchObject({ id: yellow.id, level: 'red', title: '青禾县气象台升级暴雨红色预警信号', active: true });
    expect(red.body).toContain('100毫米');
    expect(await warningNotices()).toBe(1);
    expect(await inboxOf('m-va')).toEqual([
      expect.objectContaining({ title: '【红色预警】青禾县气象台升级暴雨红色预警信号', link: `/notice/detail/index?id=${yellow.id}` }),
    ]);
    expect(await inboxOf('m-vb')).toHaveLength(1);
    expect(await inboxOf('m-ha')).toHaveLength(1);
    // Unbound members and offices get nothing in the inbox; the cadre now has yellow and red.
    expect(await inboxOf('m-ua')).toEqual([]);
    expect(await inboxOf('m-of')).toEqual([]);
    expect(await inboxOf('m-ca')).toHaveLength(2);
  });

  it('applies a new warning and its update in one poll in order, whatever order the answer lists them: one notice, red', async () => {
    w.feed.set(DEMO_LOCATION, answer(rainstormRed(), rainstorm()));
    expect(await tick()).toMatchObject({ publish: 1, replace: 1 });
    expect(await warningNotices()).toBe(1);
    expect((await list('villagerA')).items).toEqual([expect.objectContaining({ level: 'red', active: true })]);
  });

  it('keeps an updated warning on top until the update’s later end, not the first one’s', async () => {
    w.feed.set(DEMO_LOCATION, answer(rainstorm()));
    await tick();
    w.feed.set(DEMO_LOCATION, answer(rainstormRed()));
    await tick();
    // Past the yellow warning's end (25th 09:30), before the red one's (25th 12:00).
    w.clock.set('2026-11-25T02:00:00.000Z');
    expect((await list('villagerA')).items).toEqual([expect.objectContaining({ level: 'red', active: true })]);
  });

  it('finds the warning an update replaces by sender and type when it names none', async () => {
    w.feed.set(DEMO_LOCATION, answer(rainstorm()));
    await tick();
    w.feed.set(DEMO_LOCATION, answer(rainstormRed({ related: '' })));
    expect(await tick()).toMatchObject({ replace: 1 });
    expect(await warningNotices()).toBe(1);
  });

  it('tells nobody again when an update lowers the level', async () => {
    w.feed.set(DEMO_LOCATION, answer(rainstorm({ severityColor: 'Red' })));
    await tick();
    const before = await w.store.collection('inbox').count({});
    w.feed.set(DEMO_LOCATION, answer(rainstormRed({ severityColor: 'Orange', related: rainstorm().id })));
    expect(await tick()).toMatchObject({ replace: 1 });
    expect(await w.store.collection('inbox').count({})).toBe(before);
    expect((await list('villagerA')).items[0]).toMatchObject({ level: 'orange' });
  });

  it('withdraws it with a cancel: off the top, still readable as cancelled', async () => {
    w.feed.set(DEMO_LOCATION, answer(rainstorm()));
    await tick();
    w.feed.set(DEMO_LOCATION, answer(rainstormRed()));
    await tick();
    w.feed.set(DEMO_LOCATION, answer(rainstormCancel()));
    expect(await tick()).toMatchObject({ withdraw: 1 });
    const [item] = (await list('villagerA')).items;
    expect(item).toMatchObject({ level: 'red', active: false, cancelled: true });
    expect(dataOf(await w.call(notices, 'villagerA', 'get', { id: item.id }))).toMatchObject({ cancelled: true });
    const rows = await w.store.collection('noticeRows').find({ audience: 'village:v-xinghua' });
    expect(rows.map((r) => r.pinned)).toEqual([false]);
  });

  it('tells whoever was told of a red warning that it was lifted, once, in the inbox only', async () => {
    w.feed.set(DEMO_LOCATION, answer(rainstorm()));
    await tick();
    w.feed.set(DEMO_LOCATION, answer(rainstormRed()));
    await tick();
    const notify = jest.spyOn(w.deps.notifier, 'notify');
    w.feed.set(DEMO_LOCATION, answer(rainstormCancel()));
    await tick();
    await tick();
    // Same clock, same instant: compared as a set.
    expect((await inboxOf('m-va')).map((m) => m.title).sort()).toEqual(
      ['【已解除】青禾县气象台升级暴雨红色预警信号', '【红色预警】青禾县气象台升级暴雨红色预警信号'].sort(),
    );
    expect(await inboxOf('m-ha')).toHaveLength(2);
    expect(notify.mock.calls.every(([n]) => n.nudge === false)).toBe(true);
  });

  it('tells only the cadres that a yellow warning was lifted, as only they were told of it', async () => {
    w.feed.set(DEMO_LOCATION, answer(rainstorm()));
    await tick();
    w.feed.set(DEMO_LOCATION, answer(rainstormCancel({ related: '10109010120261127080000001' })));
    expect(await tick()).toMatchObject({ withdraw: 1 });
    expect(await inboxOf('m-va')).toEqual([]);
    expect((await inboxOf('m-ca')).map((m) => m.title).sort()).toEqual(
      ['【已解除】青禾县气象台发布暴雨黄色预警信号', '【黄色预警】青禾县气象台发布暴雨黄色预警信号'].sort(),
    );
  });

  it('publishes nothing for a warning already over when first seen, and lets a published one leave the top when it ends', async () => {
    w.feed.set(DEMO_LOCATION, answer(rainstorm({ endTime: '2026-11-24T09:59+08:00' })));
    expect(await tick()).toMatchObject({ expired: 1 });
    expect(await warningNotices()).toBe(0);

    w.feed.set(DEMO_LOCATION, answer(rainstorm({ id: 'later', endTime: '2026-11-24T12:00+08:00' })));
    await tick();
    w.clock.set('2026-11-24T02:10:00.000Z');
    await dataOf(await w.call(notices, 'cadreA', 'publish', { kind: 'announcement', title: '冬季防火', body: '请各家各户注意用火安全。' }));
    expect((await list('villagerA')).items.map((n: { kind: string }) => n.kind)).toEqual(['warning', 'announcement']);
    w.clock.set('2026-11-24T04:00:00.000Z');
    const after = (await list('villagerA')).items;
    expect(after.map((n: { kind: string; active: boolean }) => [n.kind, n.active])).toEqual([
      ['announcement', false],
      ['warning', false],
    ]);
  });

  it('publishes nothing of a malformed answer, and says so in the log', async () => {
    w.feed.set(DEMO_LOCATION, { code: '200', updateTime: '2026-11-24T10:00+08:00', warning: [{ ...rainstorm(), pubTime: '昨天' }] });
    expect(await tick()).toMatchObject({ locationsFailed: 1 });
    expect(await warningNotices()).toBe(0);
    expect(w.errors).toEqual([expect.stringContaining('pubTime')]);
  });

  it('treats an error code of QWeather as a failed poll', async () => {
    w.feed.set(DEMO_LOCATION, { code: '402' });
    expect(await tick()).toMatchObject({ locationsFailed: 1 });
    expect(w.errors).toEqual([expect.stringContaining('code 402')]);
  });

  it('leaves out colours that are not China’s four, with a log line', async () => {
    w.feed.set(DEMO_LOCATION, answer(rainstorm({ severityColor: 'White' })));
    expect(await tick()).toMatchObject({ ignored: 1 });
    expect(await warningNotices()).toBe(0);
  });

  it('publishes a county’s warning reported for two townships once, to the villages of both', async () => {
    w.feed.set('101090102', answer(rainstorm()));
    w.feed.set('101090103', answer(rainstorm()));
    const counts = await pollWarnings(w.deps, w.clock.now(), [
      { code: '101090102', name: '石桥镇', townshipId: 't-shiqiao' },
      { code: '101090103', name: '远山镇', townshipId: 't-far' },
    ]);
    expect(counts).toMatchObject({ publish: 1 });
    const [notice] = await w.store.collection('notices').find({});
    expect([...notice.villageIds].sort()).toEqual(['v-far', 'v-liuxi', 'v-xinghua']);
  });

  it('sends a warning of a township’s location to that township’s villages only', async () => {
    w.feed.set('101090102', answer(rainstorm()));
    await pollWarnings(w.deps, w.clock.now(), [{ code: '101090102', name: '石桥镇', townshipId: 't-shiqiao' }]);
    expect((await list('villagerA')).items).toHaveLength(1);
    expect(dataOf(await w.call(notices, asNoticePerson('farCadre'), 'list', {})).items).toEqual([]);
  });

  it('publishes one notice when two polls run at once', async () => {
    w.feed.set(DEMO_LOCATION, answer(rainstorm({ severityColor: 'Red' })));
    await Promise.all([tick(), tick()]);
    expect(await warningNotices()).toBe(1);
    expect(await inboxOf('m-va')).toHaveLength(1);
  });
});

describe('config/weather-locations.json', () => {
  it('is valid as it is', () => {
    expect(weatherLocationsSchema.safeParse(locationsFile).success).toBe(true);
  });

  it('refuses a location with two places, or none, and a code listed twice', () => {
    const bad = (locations: unknown[]) => weatherLocationsSchema.safeParse({ locations }).success;
    expect(bad([{ code: '101090101', name: 'x', countyId: 'c', townshipId: 't' }])).toBe(false);
    expect(bad([{ code: '101090101', name: 'x' }])).toBe(false);
    expect(bad([{ code: 'beijing', name: 'x', countyId: 'c' }])).toBe(false);
    expect(bad([{ code: '116.41,39.92', name: 'x', countyId: 'c' }])).toBe(true);
    expect(
      bad([
        { code: '101090101', name: 'x', countyId: 'c' },
        { code: '101090101', name: 'y', townshipId: 't' },
      ]),
    ).toBe(false);
  });
});
