import { z } from 'zod';
import { householdCategoryLabels, householdCategorySchema, type HouseholdCategory } from '../../../types';
import presets from '../../../config/visit-policies.json';
import type { PolicySettingRecord } from '../records';
import { festivalLabels, festivalNames, type FestivalName } from './festivals';

/**
 * A county's visit policy (seed 000 §一.1, 002 §一(一), 003 第十二条) as data: config/visit-policies.json,
 * checked here when the module loads so that a bad edit fails every test and every deploy at once.
 */
export interface Cadence {
  unit: 'half_month' | 'month';
  count: number;
}

export interface CadreRule {
  categories: HouseholdCategory[];
  /** null: wherever the family lives; true: only families living away (不在村), visited by phone. */
  livesAway: boolean | null;
  every: Cadence;
}

export interface VisitPolicy {
  id: string;
  label: string;
  source: string;
  /** The village's cadres; a household follows the first rule that matches it. */
  cadre: CadreRule[];
  helper: { every: Cadence; pairedByOfficeEvery: Cadence };
  township: { every: Cadence } | null;
  mustVisitDays: number;
  festival: { categories: HouseholdCategory[]; daysBefore: number; festivals: FestivalName[] };
  cadreCareDays: number;
}

/** Periods are calendar-aligned and must tile the year, so a count divides the year's months or half-months. */
const cadenceSchema = z
  .object({ unit: z.enum(['half_month', 'month']), count: z.number().int().min(1) })
  .strict()
  .refine((c) => (c.unit === 'month' ? 12 : 24) % c.count === 0, {
    message: '走访周期要能整分一年：按月填 1、2、3、4、6 或 12，按半月填 1、2、3、4、6、8、12 或 24',
  });

const daysSchema = z.number().int().min(1).max(60);
const categoriesSchema = z.array(householdCategorySchema).min(1);

const presetSchema = z
  .object({
    label: z.string().min(1),
    source: z.string().min(1),
    cadre: z.array(z.object({ categories: categoriesSchema, livesAway: z.boolean().nullable(), every: cadenceSchema }).strict()),
    helper: z.object({ every: cadenceSchema, pairedByOfficeEvery: cadenceSchema }).strict(),
    township: z.object({ every: cadenceSchema }).strict().nullable(),
    mustVisitDays: daysSchema,
    festival: z.object({ categories: categoriesSchema, daysBefore: daysSchema, festivals: z.array(z.enum(festivalNames)) }).strict(),
    cadreCareDays: daysSchema,
  })
  .strict();

export const visitPoliciesFileSchema = z
  .object({ $comment: z.string().optional(), defaultPreset: z.string(), presets: z.record(presetSchema) })
  .strict()
  .refine((f) => f.defaultPreset in f.presets, { message: '默认走访规则不在预设里' });

/** Parses the policy file; throws a ZodError naming the bad field. */
export function parseVisitPolicies(raw: unknown): { defaultId: string; policies: Readonly<Record<string, VisitPolicy>> } {
  const file = visitPoliciesFileSchema.parse(raw);
  const policies = Object.fromEntries(Object.entries(file.presets).map(([id, p]) => [id, { id, ...p }]));
  return { defaultId: file.defaultPreset, policies };
}

const loaded = parseVisitPolicies(presets);
export const visitPolicies: Readonly<Record<string, VisitPolicy>> = loaded.policies;
export const DEFAULT_POLICY_ID: string = loaded.defaultId;

// ── calendar days, as YYYY-MM-DD strings; UTC arithmetic so the host's time zone never matters ──

const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const parts = (day: string): [number, number, number] => {
  const [y, m, d] = day.split('-').map(Number);
  return [y, m, d];
};
/** Days in month `m` (1-12) of year `y`. */
export const daysInMonth = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The calendar day `days` after `day` (before, when negative). */
export function shiftDay(day: string, days: number): string {
  const [y, m, d] = parts(day);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The first day of the month after `day`'s: when a switched policy takes over. */
export function nextMonthStart(day: string): string {
  const [y, m] = parts(day);
  return m === 12 ? ymd(y + 1, 1, 1) : ymd(y, m + 1, 1);
}

/**
 * The period of cadence `every` containing `day`. Half-months are the 1st–15th and the 16th–last day;
 * periods of N units are counted from 1 January (2 months: Jan–Feb, Mar–Apr…).
 */
export function periodOf(day: string, every: Cadence): { start: string; end: string } {
  const [y, m, d] = parts(day);
  if (every.unit === 'month') {
    const first = Math.floor((m - 1) / every.count) * every.count + 1;
    const last = first + every.count - 1;
    return { start: ymd(y, first, 1), end: ymd(y, last, daysInMonth(y, last)) };
  }
  const half = (m - 1) * 2 + (d > 15 ? 1 : 0);
  const first = Math.floor(half / every.count) * every.count;
  const last = first + every.count - 1;
  const monthOf = (h: number) => Math.floor(h / 2) + 1;
  const start = ymd(y, monthOf(first), first % 2 === 0 ? 1 : 16);
  const end = ymd(y, monthOf(last), last % 2 === 0 ? 15 : daysInMonth(y, monthOf(last)));
  return { start, end };
}

/** The period in words for a task's title: 2026年3月, 2026年3月上半月, 2026年3–4月. */
export function periodLabel(p: { start: string; end: string }): string {
  const [y, m1, d1] = parts(p.start);
  const [, m2, d2] = parts(p.end);
  if (m1 === m2 && d1 === 1 && d2 === 15) return `${y}年${m1}月上半月`;
  if (m1 === m2 && d1 === 16) return `${y}年${m1}月下半月`;
  if (m1 === m2) return `${y}年${m1}月`;
  if (d1 === 1 && d2 === daysInMonth(y, m2)) return `${y}年${m1}–${m2}月`;
  return `${y}年${m1}月${d1}日–${m2}月${d2}日`;
}

/** 每月, 每半个月, 每两个月… */
export function cadenceLabel(c: Cadence): string {
  const numerals = ['', '', '两', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
  const n = numerals[c.count] ?? String(c.count);
  if (c.unit === 'month') return c.count === 1 ? '每月' : `每${n}个月`;
  if (c.count === 1) return '每半个月';
  return c.count % 2 === 0 ? cadenceLabel({ unit: 'month', count: c.count / 2 }) : `每${n}个半月`;
}

const categoriesLabel = (cs: readonly HouseholdCategory[]) => cs.map((c) => householdCategoryLabels[c]).join('、');

/** The policy in plain words, one line per rule, for the settings page. */
export function policySummary(p: VisitPolicy): string[] {
  const lines = p.cadre.map((r) => {
    const who = categoriesLabel(r.categories);
    const every = cadenceLabel(r.every);
    if (r.livesAway === true) return `驻村干部${every}电话回访不在村的${who}一次`;
    if (r.livesAway === false) return `驻村干部${every}入户走访在村的${who}一次`;
    return `驻村干部${every}走访${who}一次（不在村的打电话）`;
  });
  const { every, pairedByOfficeEvery } = p.helper;
  lines.push(
    `帮扶责任人${cadenceLabel(every)}走访结对户一次` +
      (pairedByOfficeEvery.count === every.count && pairedByOfficeEvery.unit === every.unit
        ? ''
        : `（单位包联的${cadenceLabel(pairedByOfficeEvery)}一次）`),
  );
  if (p.township) lines.push(`乡镇包村干部${cadenceLabel(p.township.every)}到每个村走访一次`);
  lines.push(`四必访：红白喜事、重大疾病、上学就医特殊困难、家庭变故，报告后 ${p.mustVisitDays} 天内上门`);
  if (p.festival.festivals.length > 0) {
    const names = p.festival.festivals.map((f) => festivalLabels[f]).join('、');
    lines.push(`节日慰问：${names}前 ${p.festival.daysBefore} 天内走访${categoriesLabel(p.festival.categories)}`);
  }
  lines.push(`关爱干部：干部生病住院、家庭困难等报告后 ${p.cadreCareDays} 天内由乡镇走访`);
  return lines;
}

/**
 * The policy in force on `day`: the county's preset, or the next one from `nextFrom` on. A county that
 * never chose, or whose stored preset has since been removed from the file, gets the default.
 */
export function policyInForce(
  setting: Pick<PolicySettingRecord, 'presetId' | 'nextPresetId' | 'nextFrom'> | null,
  day: string,
): VisitPolicy {
  const fallback = visitPolicies[DEFAULT_POLICY_ID];
  if (!setting) return fallback;
  const switched = setting.nextPresetId !== null && setting.nextFrom !== null && day >= setting.nextFrom;
  const id = switched ? setting.nextPresetId! : setting.presetId;
  return visitPolicies[id] ?? visitPolicies[setting.presetId] ?? fallback;
}
