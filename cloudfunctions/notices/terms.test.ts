import { dataOf } from '../../test/support/world';
import { asNoticePerson, makeNoticeWorld, type NoticeWorld } from '../../test/support/notice-world';
import { farmingNotice } from '../core/domain/solar-terms';
import { noticesHandler as notices } from './handler';
import { termNoticeId } from './terms';

let w: NoticeWorld;
beforeEach(async () => {
  w = await makeNoticeWorld();
});

const farCadre = asNoticePerson('farCadre');
const county = asNoticePerson('countyOffice');
const ok = async (who: string, action: string, input: unknown = {}) => dataOf(await w.call(notices, who, action, input));
const codeOf = async (who: string, action: string, input: unknown = {}) => {
  const res = await w.call(notices, who, action, input);
  return res.ok ? 'ok' : res.error.code;
};
const tick = async () => dataOf(await w.fireTimer(notices, 'tick'));
const farming = () => w.store.collection('notices').find({});
const inboxOf = (memberId: string) => w.store.collection('inbox').find({ to: memberId });

/** 大雪 2026 falls on 7 December; 06:00 that day in China is 22:00 UTC the day before. */
const DAXUE_MORNING = '2026-12-06T22:00:00.000Z';

describe('previewing the coming solar term', () => {
  it('shows a cadre the next term’s notice for their village’s region', async () => {
    expect(await ok('cadreA', 'previewTerm')).toEqual({
      termId: 'daxue',
      termName: '大雪',
      year: 2026,
      date: '2026-12-07',
      regionLabel: '华北平原',
      ...farmingNotice('daxue', 'north_china_plain'),
      localNote: null,
      published: false,
    });
    expect(await ok(farCadre, 'previewTerm')).toMatchObject({
      regionLabel: '青海高原',
      title: farmingNotice('daxue', 'qinghai_plateau').title,
    });
  });

  it('shows an office the region most of its villages farm', async () => {
    expect(await ok('office', 'previewTerm')).toMatchObject({ regionLabel: '华北平原', localNote: null });
    // Two of the county's three villages are on the plain.
    expect(await ok(county, 'previewTerm')).toMatchObject({ regionLabel: '华北平原' });
    await w.store.collection('villages').updateIf('v-liuxi', {}, { agroRegion: 'qinghai_plateau' });
    expect(await ok(county, 'previewTerm')).toMatchObject({ regionLabel: '青海高原' });
  });

  it('is for staff', async () => {
    expect(await codeOf('villagerA', 'previewTerm')).toBe('COMMON.FORBIDDEN');
  });
});

describe('a cadre’s local note', () => {
  it('is kept for the village and term, shown in the preview and sent with the notice', async () => {
    const preview = await ok('cadreA', 'setTermNote', { termId: 'daxue', year: 2026, note: '村西洼地的麦田这几天先别浇水。' });
    expect(preview).toMatchObject({ termId: 'daxue', localNote: '村西洼地的麦田这几天先别浇水。' });
    expect(await ok('cadreA', 'previewTerm')).toMatchObject({ localNote: '村西洼地的麦田这几天先别浇水。' });
    expect(await ok('cadreB', 'previewTerm')).toMatchObject({ localNote: null });
    await ok('cadreA', 'setTermNote', { termId: 'daxue', year: 2026, note: '改一下：洼地麦田过了大雪再浇。' });

    w.clock.set(DAXUE_MORNING);
    await tick();
    const [mine] = (await ok('villagerA', 'list')).items;
    expect(mine).toMatchObject({ kind: 'farming', title: farmingNotice('daxue', 'north_china_plain').title, publisher: '节气农事提醒' });
    expect(mine.body).toContain(farmingNotice('daxue', 'north_china_plain').advice);
    expect(mine.body).toContain('本村提示：改一下：洼地麦田过了大雪再浇。');
    const [theirs] = (await ok('villagerB', 'list')).items;
    expect(theirs.body).not.toContain('本村提示');
    expect(await ok('cadreA', 'previewTerm')).toMatchObject({ termId: 'daxue', published: true });
  });

  it('comes too late on the term’s day and after it', async () => {
    w.clock.set('2026-12-06T15:59:59.000Z');
    expect(await codeOf('cadreA', 'setTermNote', { termId: 'daxue', year: 2026, note: '最后一天还来得及。' })).toBe('ok');
    w.clock.set('2026-12-06T16:00:00.000Z');
    expect(await codeOf('cadreA', 'setTermNote', { termId: 'daxue', year: 2026, note: '已经是大雪当天了。' })).toBe('NOTICE.TERM_PASSED');
    expect(await codeOf('cadreA', 'setTermNote', { termId: 'xiaoxue', year: 2026, note: '小雪早过了。' })).toBe('NOTICE.TERM_PASSED');
  });

  it('is for a cadre, about a real term', async () => {
    expect(await codeOf('office', 'setTermNote', { termId: 'daxue', year: 2026, note: '办公室不写。' })).toBe('COMMON.FORBIDDEN');
    expect(await codeOf('cadreA', 'setTermNote', { termId: 'spring', year: 2026, note: '没有这个节气。' })).toBe('COMMON.INVALID_INPUT');
  });
});

describe('the timer on a solar term’s day', () => {
  it('publishes nothing before 06:00 China time, nor on other days', async () => {
    w.clock.set('2026-12-06T21:59:00.000Z');
    expect(await tick()).toMatchObject({ termNotices: 0 });
    w.clock.set('2026-12-08T01:00:00.000Z');
    expect(await tick()).toMatchObject({ termNotices: 0 });
    expect(await farming()).toEqual([]);
  });

  it('publishes the term’s notice to every village once from 06:00, each region its own advice, told to the cadres', async () => {
    w.clock.set(DAXUE_MORNING);
    expect(await tick()).toMatchObject({ termNotices: 3 });
    const stored = await farming();
    expect(stored.map((n) => n._id).sort()).toEqual(['v-far', 'v-liuxi', 'v-xinghua'].map((v) => termNoticeId(2026, 'daxue', v)).sort());
    const far = stored.find((n) => n.villageIds[0] === 'v-far')!;
    expect(far.title).toBe(farmingNotice('daxue', 'qinghai_plateau').title);
    expect(await inboxOf('m-ca')).toEqual([
      expect.objectContaining({ title: `农事提醒：${farmingNotice('daxue', 'north_china_plain').title}` }),
    ]);
    expect(await inboxOf('m-va')).toEqual([]);
    // An office lists no copy per village.
    expect((await ok('office', 'list')).items).toEqual([]);

    w.clock.set('2026-12-07T03:30:00.000Z');
    expect(await tick()).toMatchObject({ termNotices: 0 });
    expect(await farming()).toHaveLength(3);
    expect(await inboxOf('m-ca')).toHaveLength(1);
  });

  it('publishes one notice and one notification when two runs go at once', async () => {
    w.clock.set(DAXUE_MORNING);
    await Promise.all([tick(), tick()]);
    expect(await farming()).toHaveLength(3);
    expect(await inboxOf('m-ca')).toHaveLength(1);
    expect(await inboxOf('m-cb')).toHaveLength(1);
  });

  it('finishes a village whose notice a run stored but did not deliver', async () => {
    w.clock.set(DAXUE_MORNING);
    await tick();
    const id = termNoticeId(2026, 'daxue', 'v-xinghua');
    await w.store.collection('notices').updateIf(id, {}, { deliveredAt: null });
    await w.store.collection('inbox').remove((await inboxOf('m-ca'))[0]._id);
    await tick();
    expect(await inboxOf('m-ca')).toHaveLength(1);
    expect((await w.store.collection('notices').get(id))!.deliveredAt).not.toBeNull();
  });
});
