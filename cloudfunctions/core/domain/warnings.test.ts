import type { SourceWarning } from '../ports/warnings';
import type { NoticeRecord } from '../records';
import { byUrgency, fromSource, isActiveWarning, levelOfColour, planWarning, replacedBy, rose, type IncomingWarning } from './warnings';

const now = new Date('2026-11-24T02:00:00.000Z');

const source = (over: Partial<SourceWarning> = {}): SourceWarning => ({
  id: 'w1',
  sender: '青禾县气象台',
  pubTime: '2026-11-24T01:30:00.000Z',
  title: '青禾县气象台发布暴雨黄色预警信号',
  startTime: '2026-11-24T01:30:00.000Z',
  endTime: '2026-11-25T01:30:00.000Z',
  status: 'active',
  severityColor: 'Yellow',
  type: '1003',
  typeName: '暴雨',
  text: '预计未来6小时内将出现50毫米以上降雨。',
  related: null,
  ...over,
});

const incoming = (over: Partial<IncomingWarning> = {}): IncomingWarning => ({
  ...(fromSource(source()) as { ok: true; warning: IncomingWarning }).warning,
  ...over,
});

const notice = (over: Partial<NoticeRecord> = {}): NoticeRecord => ({
  _id: 'n1',
  kind: 'warning',
  title: '暴雨黄色预警',
  body: '……',
  level: 'yellow',
  warningType: '暴雨',
  start: '2026-11-24T01:30:00.000Z',
  end: '2026-11-25T01:30:00.000Z',
  sourceId: 'w1',
  warningKey: '青禾县气象台|暴雨',
  villageIds: ['v-xinghua'],
  audiences: ['village:v-xinghua'],
  publisherId: null,
  publisher: '青禾县气象台',
  publishedAt: '2026-11-24T01:30:00.000Z',
  updatedAt: '2026-11-24T01:30:00.000Z',
  cancelledAt: null,
  deliveredAt: '2026-11-24T01:30:00.000Z',
  ...over,
});

describe('which of the provider’s warnings count', () => {
  it('maps China’s four colours to levels, whatever their case, and nothing else', () => {
    expect(['Blue', 'yellow', 'ORANGE', ' Red '].map(levelOfColour)).toEqual(['blue', 'yellow', 'orange', 'red']);
    expect(['White', 'Green', 'Black', ''].map(levelOfColour)).toEqual([null, null, null, null]);
  });

  it('leaves out a warning of another colour, saying why', () => {
    expect(fromSource(source({ severityColor: 'Black' }))).toEqual({ ok: false, reason: expect.stringContaining('Black') });
  });

  it('keeps a cancel that comes without a colour', () => {
    expect(fromSource(source({ status: 'cancel', severityColor: '' }))).toMatchObject({
      ok: true,
      warning: { level: null, status: 'cancel' },
    });
  });

  it('takes the type’s name, and a day from its start when the provider gives no end', () => {
    const w = fromSource(source({ endTime: null, startTime: null }));
    expect(w).toMatchObject({ ok: true, warning: { type: '暴雨', start: '2026-11-24T01:30:00.000Z', end: '2026-11-25T01:30:00.000Z' } });
  });
});

describe('what a warning does to the notices', () => {
  it('publishes a new one, never one already handled', () => {
    expect(planWarning(incoming(), { seen: false, earlier: null, now })).toEqual({ kind: 'publish' });
    expect(planWarning(incoming(), { seen: true, earlier: null, now })).toEqual({ kind: 'seen' });
  });

  it('publishes nothing for a warning first seen after its end', () => {
    const w = incoming({ end: '2026-11-24T02:00:00.000Z' });
    expect(planWarning(w, { seen: false, earlier: null, now })).toEqual({ kind: 'expired' });
    expect(planWarning(incoming({ end: '2026-11-24T02:00:01.000Z' }), { seen: false, earlier: null, now })).toEqual({ kind: 'publish' });
  });

  it('replaces the earlier notice with an update, telling everyone again only when it turns orange or red', () => {
    expect(planWarning(incoming({ status: 'update', level: 'red' }), { seen: false, earlier: notice(), now })).toEqual({
      kind: 'replace',
      notice: notice(),
      renotify: true,
    });
    expect(
      planWarning(incoming({ status: 'update', level: 'yellow' }), { seen: false, earlier: notice({ level: 'red' }), now }),
    ).toMatchObject({
      kind: 'replace',
      renotify: false,
    });
  });

  it('publishes an update whose earlier warning it never saw, or was cancelled, as a new one', () => {
    expect(planWarning(incoming({ status: 'update' }), { seen: false, earlier: null, now })).toEqual({ kind: 'publish' });
    const cancelled = notice({ cancelledAt: '2026-11-24T01:40:00.000Z' });
    expect(planWarning(incoming({ status: 'update' }), { seen: false, earlier: cancelled, now })).toEqual({ kind: 'publish' });
  });

  it('withdraws the earlier notice with a cancel, and does nothing with a cancel of nothing', () => {
    const cancel = incoming({ status: 'cancel', level: null });
    expect(planWarning(cancel, { seen: false, earlier: notice(), now })).toEqual({ kind: 'withdraw', notice: notice() });
    expect(planWarning(cancel, { seen: false, earlier: null, now })).toEqual({ kind: 'nothing-to-cancel' });
    expect(planWarning(cancel, { seen: false, earlier: notice({ cancelledAt: '2026-11-24T01:40:00.000Z' }), now })).toEqual({
      kind: 'nothing-to-cancel',
    });
  });

  it('counts as a rise only a move up into orange or red', () => {
    expect([
      rose('yellow', 'orange'),
      rose('orange', 'red'),
      rose(null, 'red'),
      rose('blue', 'yellow'),
      rose('red', 'orange'),
      rose('red', 'red'),
    ]).toEqual([true, true, true, false, false, false]);
  });

  it('replaces title, text, level and times, keeping the notice’s id and publication', () => {
    const patch = replacedBy(incoming({ level: 'red', title: '升级为红色', sourceId: 'w2' }), now);
    expect(patch).toMatchObject({ title: '升级为红色', level: 'red', sourceId: 'w2', updatedAt: now.toISOString() });
    expect(patch).not.toHaveProperty('_id');
    expect(patch).not.toHaveProperty('publishedAt');
  });
});

describe('the active set', () => {
  it('holds warnings neither cancelled nor past their end', () => {
    expect(isActiveWarning(notice(), now)).toBe(true);
    expect(isActiveWarning(notice({ end: now.toISOString() }), now)).toBe(false);
    expect(isActiveWarning(notice({ cancelledAt: now.toISOString() }), now)).toBe(false);
    expect(isActiveWarning(notice({ kind: 'announcement', end: null }), now)).toBe(false);
  });

  it('puts the most severe first, then the newest', () => {
    const list = [
      notice({ _id: 'y-new', level: 'yellow', publishedAt: '2026-11-24T01:50:00.000Z' }),
      notice({ _id: 'r-old', level: 'red', publishedAt: '2026-11-23T01:00:00.000Z' }),
      notice({ _id: 'y-old', level: 'yellow', publishedAt: '2026-11-24T01:00:00.000Z' }),
    ];
    expect([...list].sort(byUrgency).map((n) => n._id)).toEqual(['r-old', 'y-new', 'y-old']);
  });
});
