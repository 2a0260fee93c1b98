import fc from 'fast-check';
import raw from '../../../config/visit-policies.json';
import {
  cadenceLabel,
  DEFAULT_POLICY_ID,
  nextMonthStart,
  parseVisitPolicies,
  periodLabel,
  periodOf,
  policyInForce,
  policySummary,
  shiftDay,
  visitPolicies,
  type Cadence,
} from './visit-policy';

const month = (count = 1): Cadence => ({ unit: 'month', count });
const half = (count = 1): Cadence => ({ unit: 'half_month', count });

describe('the presets, against the seeds', () => {
  it('has both presets and the demo county’s default', () => {
    expect(Object.keys(visitPolicies).sort()).toEqual(['hebei-2018', 'shanxi-2022']);
    expect(DEFAULT_POLICY_ID).toBe('hebei-2018');
    expect(visitPolicies['hebei-2018'].id).toBe('hebei-2018');
  });

  it('hebei-2018: cadres monthly for 脱贫户 and 监测户 wherever they live; helpers every 2 months, 4 when paired by office', () => {
    const p = visitPolicies['hebei-2018'];
    expect(p.cadre).toEqual([{ categories: ['lifted', 'monitored'], livesAway: null, every: month(1) }]);
    expect(p.helper).toEqual({ every: month(2), pairedByOfficeEvery: month(4) });
    expect(p.township).toBeNull();
    expect(p.mustVisitDays).toBe(3);
    expect(p.festival).toEqual({ categories: ['lifted', 'monitored'], daysBefore: 10, festivals: ['spring', 'dragon_boat', 'mid_autumn'] });
    expect(p.cadreCareDays).toBe(7);
  });

  it('shanxi-2022: half-monthly in the village, monthly for others, two-monthly by phone when away, township monthly', () => {
    const p = visitPolicies['shanxi-2022'];
    expect(p.cadre).toEqual([
      { categories: ['lifted', 'monitored'], livesAway: false, every: half(1) },
      { categories: ['ordinary'], livesAway: false, every: month(1) },
      { categories: ['lifted', 'monitored', 'ordinary'], livesAway: true, every: month(2) },
    ]);
    expect(p.township).toEqual({ every: month(1) });
    expect(p.helper).toEqual({ every: month(2), pairedByOfficeEvery: month(4) });
  });
});

describe('parseVisitPolicies refuses a bad edit, naming it', () => {
  const edit = (change: (p: Record<string, unknown>) => void) => {
    const copy = structuredClone(raw) as unknown as { defaultPreset: string; presets: Record<string, Record<string, unknown>> };
    change(copy.presets['hebei-2018']);
    return copy;
  };
  it.each<[string, (p: Record<string, unknown>) => void, RegExp]>([
    ['a count that does not tile the year', (p) => ((p.helper as { every: Cadence }).every.count = 5), /整分一年/],
    ['an unknown unit', (p) => ((p.helper as { every: Cadence }).every.unit = 'week' as 'month'), /unit/],
    ['an unknown category', (p) => ((p.festival as { categories: string[] }).categories = ['rich']), /categories/],
    ['an unknown festival', (p) => ((p.festival as { festivals: string[] }).festivals = ['qingming']), /festivals/],
    ['no days to do a must-visit', (p) => (p.mustVisitDays = 0), /mustVisitDays/],
    ['an unknown field', (p) => (p.cadreCareDayz = 7), /cadreCareDayz/],
  ])('%s', (_, change, message) => {
    expect(() => parseVisitPolicies(edit(change))).toThrow(message);
  });

  it('a default that is not a preset', () => {
    expect(() => parseVisitPolicies({ ...raw, defaultPreset: 'guangdong' })).toThrow(/默认走访规则不在预设里/);
  });

  it('the file as shipped', () => {
    expect(parseVisitPolicies(raw).policies).toEqual(visitPolicies);
  });
});

describe('periodOf', () => {
  it.each<[string, Cadence, string, string]>([
    // months, across month ends and February in common and leap years
    ['2026-01-01', month(), '2026-01-01', '2026-01-31'],
    ['2026-01-31', month(), '2026-01-01', '2026-01-31'],
    ['2026-02-01', month(), '2026-02-01', '2026-02-28'],
    ['2026-02-28', month(), '2026-02-01', '2026-02-28'],
    ['2028-02-28', month(), '2028-02-01', '2028-02-29'],
    ['2028-02-29', month(), '2028-02-01', '2028-02-29'],
    ['2026-04-30', month(), '2026-04-01', '2026-04-30'],
    ['2026-12-31', month(), '2026-12-01', '2026-12-31'],
    // half-months: the 15th/16th, the 31st, Feb 28/29
    ['2026-03-01', half(), '2026-03-01', '2026-03-15'],
    ['2026-03-15', half(), '2026-03-01', '2026-03-15'],
    ['2026-03-16', half(), '2026-03-16', '2026-03-31'],
    ['2026-03-31', half(), '2026-03-16', '2026-03-31'],
    ['2026-04-30', half(), '2026-04-16', '2026-04-30'],
    ['2026-02-15', half(), '2026-02-01', '2026-02-15'],
    ['2026-02-16', half(), '2026-02-16', '2026-02-28'],
    ['2026-02-28', half(), '2026-02-16', '2026-02-28'],
    ['2028-02-28', half(), '2028-02-16', '2028-02-29'],
    ['2028-02-29', half(), '2028-02-16', '2028-02-29'],
    ['2026-12-16', half(), '2026-12-16', '2026-12-31'],
    ['2026-12-31', half(), '2026-12-16', '2026-12-31'],
    // two months from January
    ['2026-01-15', month(2), '2026-01-01', '2026-02-28'],
    ['2026-02-28', month(2), '2026-01-01', '2026-02-28'],
    ['2028-02-29', month(2), '2028-01-01', '2028-02-29'],
    ['2026-03-01', month(2), '2026-03-01', '2026-04-30'],
    ['2026-08-31', month(2), '2026-07-01', '2026-08-31'],
    ['2026-09-01', month(2), '2026-09-01', '2026-10-31'],
    ['2026-12-31', month(2), '2026-11-01', '2026-12-31'],
    // four months: Jan–Apr, May–Aug, Sep–Dec
    ['2026-01-01', month(4), '2026-01-01', '2026-04-30'],
    ['2026-04-30', month(4), '2026-01-01', '2026-04-30'],
    ['2026-05-01', month(4), '2026-05-01', '2026-08-31'],
    ['2026-08-31', month(4), '2026-05-01', '2026-08-31'],
    ['2026-09-01', month(4), '2026-09-01', '2026-12-31'],
    ['2028-02-29', month(4), '2028-01-01', '2028-04-30'],
    // other counts an office might choose
    ['2026-03-16', half(2), '2026-03-01', '2026-03-31'],
    ['2026-02-16', half(3), '2026-02-16', '2026-03-31'],
    ['2026-02-15', half(3), '2026-01-01', '2026-02-15'],
    ['2026-06-30', month(3), '2026-04-01', '2026-06-30'],
    ['2026-07-01', month(12), '2026-01-01', '2026-12-31'],
  ])('%s every %j → %s … %s', (day, every, start, end) => {
    expect(periodOf(day, every)).toEqual({ start, end });
  });

  const cadences: Cadence[] = [half(1), half(2), half(3), half(4), half(6), month(1), month(2), month(3), month(4), month(6), month(12)];
  const everyDay = (from: string, to: string) => {
    const days: string[] = [];
    for (let d = from; d <= to; d = shiftDay(d, 1)) days.push(d);
    return days;
  };
  const days = everyDay('2024-01-01', '2030-12-31');

  it.each(cadences)('every day of 2024–2030 lies in exactly one period of %j, and the periods tile without gaps', (every) => {
    let current = periodOf(days[0], every);
    expect(current.start).toBe('2024-01-01');
    for (const day of days) {
      const p = periodOf(day, every);
      expect(p.start <= day && day <= p.end).toBe(true);
      if (p.start !== current.start) {
        // A new period begins the day after the last one ended, and on that very day.
        expect(p.start).toBe(shiftDay(current.end, 1));
        expect(p.start).toBe(day);
        current = p;
      } else {
        expect(p).toEqual(current);
      }
    }
    expect(current.end).toBe('2030-12-31');
  });

  it('a period is the same period seen from any of its days (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.constantFrom(...cadences),
        (at, every) => {
          const day = at.toISOString().slice(0, 10);
          const p = periodOf(day, every);
          expect(p.start <= day && day <= p.end).toBe(true);
          expect(periodOf(p.start, every)).toEqual(p);
          expect(periodOf(p.end, every)).toEqual(p);
        },
      ),
    );
  });
});

describe('calendar days', () => {
  it.each([
    ['2026-01-31', '2026-02-01'],
    ['2026-02-01', '2026-03-01'],
    ['2026-02-28', '2026-03-01'],
    ['2028-02-29', '2028-03-01'],
    ['2026-12-01', '2027-01-01'],
    ['2026-12-31', '2027-01-01'],
  ])('nextMonthStart(%s) = %s', (day, next) => {
    expect(nextMonthStart(day)).toBe(next);
  });

  it.each<[string, number, string]>([
    ['2028-02-28', 1, '2028-02-29'],
    ['2028-02-29', 1, '2028-03-01'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-01-01', -1, '2025-12-31'],
    ['2026-03-08', 1, '2026-03-09'], // a daylight-saving change where the tests run
    ['2026-11-01', 1, '2026-11-02'],
    ['2026-03-10', 60, '2026-05-09'],
    ['2026-03-10', 0, '2026-03-10'],
  ])('shiftDay(%s, %i) = %s', (day, n, expected) => {
    expect(shiftDay(day, n)).toBe(expected);
  });
});

describe('policyInForce', () => {
  const hebei = visitPolicies['hebei-2018'];
  const shanxi = visitPolicies['shanxi-2022'];
  const switching = { presetId: 'hebei-2018', nextPresetId: 'shanxi-2022', nextFrom: '2026-04-01' };

  it('a county that never chose has the default', () => {
    expect(policyInForce(null, '2026-03-10')).toBe(hebei);
  });
  it('a county’s own choice', () => {
    expect(policyInForce({ presetId: 'shanxi-2022', nextPresetId: null, nextFrom: null }, '2026-03-10')).toBe(shanxi);
  });
  it.each([
    ['2026-03-10', hebei],
    ['2026-03-31', hebei],
    ['2026-04-01', shanxi],
    ['2026-05-20', shanxi],
  ])('a switch chosen in March takes effect on its nextFrom: %s', (day, expected) => {
    expect(policyInForce(switching, day)).toBe(expected);
  });
  it('a switch made on the last day of a month applies from the next day, as nextMonthStart says', () => {
    const nextFrom = nextMonthStart('2026-12-31');
    expect(policyInForce({ ...switching, nextFrom }, '2026-12-31')).toBe(hebei);
    expect(policyInForce({ ...switching, nextFrom }, '2027-01-01')).toBe(shanxi);
  });
  it('a preset since removed from the file falls back rather than stopping the timer', () => {
    expect(policyInForce({ ...switching, nextPresetId: 'gone' }, '2026-04-01')).toBe(hebei);
    expect(policyInForce({ presetId: 'gone', nextPresetId: null, nextFrom: null }, '2026-04-01')).toBe(hebei);
    // A switch to a removed preset leaves the county on its own choice, not the default.
    expect(policyInForce({ presetId: 'shanxi-2022', nextPresetId: 'gone', nextFrom: '2026-04-01' }, '2026-04-01')).toBe(shanxi);
  });
});

describe('words', () => {
  it.each<[Cadence, string]>([
    [month(1), '每月'],
    [month(2), '每两个月'],
    [month(4), '每四个月'],
    [month(12), '每十二个月'],
    [half(1), '每半个月'],
    [half(2), '每月'],
    [half(3), '每三个半月'],
  ])('cadenceLabel(%j) = %s', (c, label) => {
    expect(cadenceLabel(c)).toBe(label);
  });

  it.each([
    [{ start: '2026-03-01', end: '2026-03-31' }, '2026年3月'],
    [{ start: '2026-03-01', end: '2026-03-15' }, '2026年3月上半月'],
    [{ start: '2026-03-16', end: '2026-03-31' }, '2026年3月下半月'],
    [{ start: '2028-02-16', end: '2028-02-29' }, '2028年2月下半月'],
    [{ start: '2026-03-01', end: '2026-04-30' }, '2026年3–4月'],
    [{ start: '2026-02-16', end: '2026-03-31' }, '2026年2月16日–3月31日'],
  ])('periodLabel(%j) = %s', (p, label) => {
    expect(periodLabel(p)).toBe(label);
  });

  it('summarises hebei-2018 in plain Chinese', () => {
    expect(policySummary(visitPolicies['hebei-2018'])).toEqual([
      '驻村干部每月走访脱贫户、监测户一次（不在村的打电话）',
      '帮扶责任人每两个月走访结对户一次（单位包联的每四个月一次）',
      '四必访：红白喜事、重大疾病、上学就医特殊困难、家庭变故，报告后 3 天内上门',
      '节日慰问：春节、端午节、中秋节前 10 天内走访脱贫户、监测户',
      '关爱干部：干部生病住院、家庭困难等报告后 7 天内由乡镇走访',
    ]);
  });

  it('summarises shanxi-2022 in plain Chinese', () => {
    expect(policySummary(visitPolicies['shanxi-2022'])).toEqual([
      '驻村干部每半个月入户走访在村的脱贫户、监测户一次',
      '驻村干部每月入户走访在村的一般农户一次',
      '驻村干部每两个月电话回访不在村的脱贫户、监测户、一般农户一次',
      '帮扶责任人每两个月走访结对户一次（单位包联的每四个月一次）',
      '乡镇包村干部每月到每个村走访一次',
      '四必访：红白喜事、重大疾病、上学就医特殊困难、家庭变故，报告后 3 天内上门',
      '节日慰问：春节、端午节、中秋节前 10 天内走访脱贫户、监测户',
      '关爱干部：干部生病住院、家庭困难等报告后 7 天内由乡镇走访',
    ]);
  });
});
