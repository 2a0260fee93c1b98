import { Solar } from 'lunar-typescript';
import raw from '../../../config/farming-calendar.json';
import {
  agroRegionLabels,
  agroRegions,
  farmingCalendarSchema,
  farmingNotice,
  nextSolarTerm,
  parseFarmingCalendar,
  solarTermIds,
  solarTermOn,
  solarTerms,
  type SolarTermName,
} from './solar-terms';
import { shiftDay } from './visit-policy';

const idOf = (name: SolarTermName) => solarTerms.find((t) => t.name === name)!.id;
const clone = (): { terms: { id: string; name: string; regions: Record<string, Record<string, string>> }[] } =>
  JSON.parse(JSON.stringify(raw));

describe('the farming calendar (config/farming-calendar.json)', () => {
  it('names the 24 terms once each, 立春 to 大寒, with stable ids', () => {
    expect(solarTermIds).toHaveLength(24);
    expect(new Set(solarTermIds).size).toBe(24);
    expect(new Set(solarTerms.map((t) => t.name)).size).toBe(24);
    expect(solarTerms[0]).toEqual({ id: 'lichun', name: '立春' });
    expect(solarTerms[23]).toEqual({ id: 'dahan', name: '大寒' });
    expect(raw.terms.map((t) => t.id)).toEqual(solarTermIds);
  });

  it('has the two agro-regions with Chinese labels', () => {
    expect(agroRegions).toEqual(['north_china_plain', 'qinghai_plateau']);
    expect(agroRegionLabels).toEqual({ north_china_plain: '华北平原', qinghai_plateau: '青海高原' });
  });

  const cases = solarTermIds.flatMap((id) => agroRegions.map((region) => [id, region] as const));
  it.each(cases)('has a plain notice for %s in %s', (id, region) => {
    const notice = farmingNotice(id, region);
    expect([...notice.title].length).toBeLessThanOrEqual(16);
    expect(notice.title.startsWith(solarTerms.find((t) => t.id === id)!.name)).toBe(true);
    expect(notice.advice.split('。').filter(Boolean).length).toBeGreaterThanOrEqual(2);
    expect(notice.risks.length).toBeGreaterThan(0);
  });

  it('answers a copy, so a caller cannot change the calendar', () => {
    const notice = farmingNotice('lichun', 'north_china_plain');
    notice.title = '改了';
    expect(farmingNotice('lichun', 'north_china_plain').title).toBe('立春：麦田早管理');
  });

  it('throws on a term or region it does not know', () => {
    expect(() => farmingNotice('lichun', 'tibet' as never)).toThrow(RangeError);
    expect(() => farmingNotice('spring' as never, 'north_china_plain')).toThrow(RangeError);
  });

  it('parses the file as it is', () => {
    expect(parseFarmingCalendar(raw).size).toBe(24);
  });

  const broken: [string, (f: ReturnType<typeof clone>) => void, string][] = [
    ['a missing region', (f) => delete f.terms[3].regions.qinghai_plateau, 'qinghai_plateau'],
    ['an unknown region', (f) => (f.terms[3].regions.tibet = f.terms[3].regions.qinghai_plateau), 'tibet'],
    ['a missing term', (f) => f.terms.splice(5, 1), '谷雨'],
    ['a term twice', (f) => (f.terms[5] = f.terms[4]), '写了两遍'],
    ['an unknown term id', (f) => (f.terms[0].id = 'spring'), 'spring'],
    ['a wrong name', (f) => (f.terms[0].name = '雨水'), '应叫 立春'],
    ['a title over 16 characters', (f) => (f.terms[0].regions.north_china_plain.title = '立春：' + '麦'.repeat(14)), '标题最多 16 个字'],
    ['an empty title', (f) => (f.terms[0].regions.north_china_plain.title = ' '), '标题不能为空'],
    ['advice of one sentence', (f) => (f.terms[0].regions.north_china_plain.advice = '麦田划锄镇压。'), '农事建议写 2–4 句'],
    ['advice of five sentences', (f) => (f.terms[0].regions.north_china_plain.advice = '浇水。'.repeat(5)), '农事建议写 2–4 句'],
    ['advice too long', (f) => (f.terms[0].regions.north_china_plain.advice = '浇'.repeat(120) + '。施肥。'), '农事建议最多 120 个字'],
    ['advice without a full stop', (f) => (f.terms[0].regions.north_china_plain.advice = '浇水。施肥'), '要以句号结尾'],
    ['risks of three sentences', (f) => (f.terms[0].regions.qinghai_plateau.risks = '防霜。防雹。防旱。'), '风险提示写 1–2 句'],
    ['an extra field', (f) => (f.terms[0].regions.qinghai_plateau.note = '多余'), 'note'],
  ];
  it.each(broken)('refuses %s', (_what, breakIt, message) => {
    const file = clone();
    breakIt(file);
    const result = farmingCalendarSchema.safeParse(file);
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain(message);
  });
});

/**
 * Term days (China time) as the almanacs publish them (Purple Mountain Observatory; Hong Kong Observatory's
 * tables), written down here by hand as a second source, not computed. 2026-06-05 芒种 falls at 23:48, so a
 * time-zone slip would show.
 */
const published: [string, SolarTermName][] = [
  ['2020-06-21', '夏至'],
  ['2020-12-21', '冬至'],
  ['2023-04-05', '清明'],
  ['2023-12-22', '冬至'],
  ['2024-02-04', '立春'],
  ['2024-04-04', '清明'],
  ['2024-06-21', '夏至'],
  ['2024-12-21', '冬至'],
  ['2025-01-05', '小寒'],
  ['2025-02-03', '立春'],
  ['2025-04-04', '清明'],
  ['2025-06-21', '夏至'],
  ['2025-07-22', '大暑'],
  ['2025-08-07', '立秋'],
  ['2025-10-08', '寒露'],
  ['2025-12-21', '冬至'],
  ['2026-02-04', '立春'],
  ['2026-04-05', '清明'],
  ['2026-06-05', '芒种'],
  ['2026-06-21', '夏至'],
  ['2026-08-07', '立秋'],
  ['2026-10-23', '霜降'],
  ['2026-12-22', '冬至'],
  ['2027-01-05', '小寒'],
  ['2027-02-04', '立春'],
];

describe('solarTermOn', () => {
  it.each(published)('%s is %s', (day, name) => {
    expect(solarTermOn(day)).toEqual({ id: idOf(name), name });
  });

  it.each(['2026-02-03', '2026-02-05', '2026-04-04', '2026-04-06', '2026-12-21', '2026-12-25', '2027-01-01', '2024-02-29'])(
    'is null on %s, not a term day',
    (day) => {
      expect(solarTermOn(day)).toBeNull();
    },
  );

  it.each(['2026-2-4', '2026-02-30', '2026-13-01', '20260204', '', 'tomorrow'])('refuses %j', (day) => {
    expect(() => solarTermOn(day)).toThrow(RangeError);
  });

  const years = [2025, 2026, 2027, 2028, 2029, 2030];
  it.each(years)('finds exactly the 24 terms in %i by scanning every day, as lunar-typescript names them', (year) => {
    const found: { day: string; id: string }[] = [];
    for (let day = `${year}-01-01`; day.startsWith(String(year)); day = shiftDay(day, 1)) {
      const term = solarTermOn(day);
      const [y, m, d] = day.split('-').map(Number);
      // A second path through the library: the day's own lunar record.
      expect(term?.name ?? '').toBe(Solar.fromYmd(y, m, d).getLunar().getJieQi());
      if (term !== null) found.push({ day, id: term.id });
    }
    expect(found).toHaveLength(24);
    // In a Gregorian year they come 小寒, 大寒, 立春 … 冬至, about a fortnight apart.
    expect(found.map((f) => f.id)).toEqual([...solarTermIds.slice(22), ...solarTermIds.slice(0, 22)]);
    for (let i = 1; i < found.length; i += 1) {
      const gap = (Date.parse(found[i].day) - Date.parse(found[i - 1].day)) / 86_400_000;
      expect(gap).toBeGreaterThanOrEqual(14);
      expect(gap).toBeLessThanOrEqual(16);
    }
  });

  it.each(years)('agrees with lunar-typescript’s own term table for %i', (year) => {
    const table = Solar.fromYmd(year, 6, 1).getLunar().getJieQiTable();
    const named = Object.entries(table).filter(([key]) => /^\p{Script=Han}+$/u.test(key));
    expect(named).toHaveLength(24);
    for (const [name, solar] of named) {
      expect(solarTermOn(solar.toYmd())).toEqual({ id: idOf(name as SolarTermName), name });
    }
  });
});

describe('nextSolarTerm', () => {
  it.each<[string, SolarTermName, string]>([
    ['2026-12-25', '小寒', '2027-01-05'], // across the year end
    ['2026-12-31', '小寒', '2027-01-05'],
    ['2026-12-21', '冬至', '2026-12-22'],
    ['2026-12-22', '小寒', '2027-01-05'], // on a term's day, the one after it
    ['2026-01-01', '小寒', '2026-01-05'],
    ['2026-02-03', '立春', '2026-02-04'],
    ['2026-02-04', '雨水', '2026-02-18'],
    ['2026-03-21', '清明', '2026-04-05'],
    ['2028-02-28', '惊蛰', '2028-03-05'],
  ])('after %s comes %s on %s', (day, name, date) => {
    expect(nextSolarTerm(day)).toEqual({ id: idOf(name), name, date });
  });

  it('walks through a year term by term', () => {
    let day = '2025-12-31';
    const seen: string[] = [];
    for (let step = 0; step < 30; step += 1) {
      const next = nextSolarTerm(day);
      if (!next.date.startsWith('2026')) break;
      expect(solarTermOn(next.date)).toEqual({ id: next.id, name: next.name });
      expect(solarTermOn(shiftDay(next.date, -1))).toBeNull();
      seen.push(next.id);
      day = next.date;
    }
    expect(new Set(seen).size).toBe(24);
  });

  it('refuses a malformed day', () => {
    expect(() => nextSolarTerm('2026/12/25')).toThrow(RangeError);
  });
});
