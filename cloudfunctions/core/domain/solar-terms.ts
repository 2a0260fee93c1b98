import { Solar } from 'lunar-typescript';
import { z } from 'zod';
import calendar from '../../../config/farming-calendar.json';
import { agroRegions, type AgroRegion } from '../../../types/roster';

/**
 * The 24 solar terms (二十四节气) and the farming notice for each term and agro-region (seed 000 §一.7:
 * timely seasonal growing advice). The names are fixed here with stable ids; the dates always come from
 * lunar-typescript (its times are Beijing time, so a term's day is a China-time day), never from a table.
 * The advice is data: config/farming-calendar.json, checked when this module loads so that a bad edit
 * fails every test and every deploy at once.
 */
export const solarTerms = [
  { id: 'lichun', name: '立春' },
  { id: 'yushui', name: '雨水' },
  { id: 'jingzhe', name: '惊蛰' },
  { id: 'chunfen', name: '春分' },
  { id: 'qingming', name: '清明' },
  { id: 'guyu', name: '谷雨' },
  { id: 'lixia', name: '立夏' },
  { id: 'xiaoman', name: '小满' },
  { id: 'mangzhong', name: '芒种' },
  { id: 'xiazhi', name: '夏至' },
  { id: 'xiaoshu', name: '小暑' },
  { id: 'dashu', name: '大暑' },
  { id: 'liqiu', name: '立秋' },
  { id: 'chushu', name: '处暑' },
  { id: 'bailu', name: '白露' },
  { id: 'qiufen', name: '秋分' },
  { id: 'hanlu', name: '寒露' },
  { id: 'shuangjiang', name: '霜降' },
  { id: 'lidong', name: '立冬' },
  { id: 'xiaoxue', name: '小雪' },
  { id: 'daxue', name: '大雪' },
  { id: 'dongzhi', name: '冬至' },
  { id: 'xiaohan', name: '小寒' },
  { id: 'dahan', name: '大寒' },
] as const;
export type SolarTermId = (typeof solarTerms)[number]['id'];
export type SolarTermName = (typeof solarTerms)[number]['name'];
export interface SolarTerm {
  id: SolarTermId;
  name: SolarTermName;
}
export interface SolarTermDate extends SolarTerm {
  /** The China-time day the term starts on, YYYY-MM-DD. */
  date: string;
}
export const solarTermIds = solarTerms.map((t) => t.id) as [SolarTermId, ...SolarTermId[]];

// The agro-regions a village can belong to (part of the roster); each has its own advice for every term.
export { agroRegions, agroRegionLabels, agroRegionSchema, type AgroRegion } from '../../../types/roster';

export interface FarmingNotice {
  /** ≤ 16 characters, e.g. 立春：麦田早管理. */
  title: string;
  /** 2–4 short sentences: what to sow, tend, protect, harvest. */
  advice: string;
  /** 1–2 sentences: the season's pests, diseases and weather risks. */
  risks: string;
}

// ── the calendar file ──

export const TITLE_MAX_CHARS = 16;
export const ADVICE_MAX_CHARS = 120;
export const RISKS_MAX_CHARS = 80;

/** Characters as a reader counts them (code points, not UTF-16 units). */
const charCount = (s: string) => [...s].length;
/** Sentences end in 。！？; the last one must too, so that a loudspeaker reading ends cleanly. */
const sentences = (s: string) => s.split(/[。！？]/).filter((part) => part.trim() !== '').length;

const plainText = (what: string, maxChars: number, minSentences: number, maxSentences: number) =>
  z
    .string()
    .trim()
    .min(1, `${what}不能为空`)
    .refine((s) => charCount(s) <= maxChars, `${what}最多 ${maxChars} 个字`)
    .refine((s) => /[。！？]$/.test(s), `${what}要以句号结尾`)
    .refine((s) => {
      const n = sentences(s);
      return n >= minSentences && n <= maxSentences;
    }, `${what}写 ${minSentences}–${maxSentences} 句`);

const noticeSchema = z
  .object({
    title: z
      .string()
      .trim()
      .min(1, '标题不能为空')
      .refine((s) => charCount(s) <= TITLE_MAX_CHARS, `标题最多 ${TITLE_MAX_CHARS} 个字`),
    advice: plainText('农事建议', ADVICE_MAX_CHARS, 2, 4),
    risks: plainText('风险提示', RISKS_MAX_CHARS, 1, 2),
  })
  .strict();

/** One notice per agro-region, every region present and no other key. */
const regionsSchema = z
  .object(Object.fromEntries(agroRegions.map((r) => [r, noticeSchema])) as Record<AgroRegion, typeof noticeSchema>)
  .strict();

const nameOf = new Map<SolarTermId, SolarTermName>(solarTerms.map((t) => [t.id, t.name]));

export const farmingCalendarSchema = z
  .object({
    $comment: z.string().optional(),
    terms: z.array(z.object({ id: z.enum(solarTermIds), name: z.string(), regions: regionsSchema }).strict()),
  })
  .strict()
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.terms.forEach((term, i) => {
      if (seen.has(term.id)) ctx.addIssue({ code: 'custom', path: ['terms', i, 'id'], message: `节气 ${term.id} 写了两遍` });
      seen.add(term.id);
      const name = nameOf.get(term.id);
      if (term.name !== name) ctx.addIssue({ code: 'custom', path: ['terms', i, 'name'], message: `${term.id} 应叫 ${name}` });
    });
    const missing = solarTermIds.filter((id) => !seen.has(id));
    if (missing.length > 0)
      ctx.addIssue({ code: 'custom', path: ['terms'], message: `缺少节气：${missing.map((id) => nameOf.get(id)).join('、')}` });
  });

/** Parses the calendar file; throws a ZodError naming the bad field. */
export function parseFarmingCalendar(raw: unknown): ReadonlyMap<SolarTermId, Readonly<Record<AgroRegion, FarmingNotice>>> {
  const file = farmingCalendarSchema.parse(raw);
  return new Map(file.terms.map((t) => [t.id, t.regions]));
}

const notices = parseFarmingCalendar(calendar);

/** The notice for `termId` in `region`. Throws a RangeError for an unknown term or region (e.g. a bad stored value). */
export function farmingNotice(termId: SolarTermId, region: AgroRegion): FarmingNotice {
  const notice = notices.get(termId)?.[region];
  if (notice === undefined) throw new RangeError(`no farming notice for term ${String(termId)} in region ${String(region)}`);
  return { ...notice };
}

// ── term dates, from lunar-typescript ──

const termByName = new Map<string, SolarTerm>(solarTerms.map((t) => [t.name, t]));

/** Checks a YYYY-MM-DD day (a real one: no 02-30) and answers its parts. */
function parseDay(day: string): [number, number, number] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (match === null) throw new RangeError(`not a YYYY-MM-DD day: ${day}`);
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const real = new Date(Date.UTC(y, m - 1, d));
  if (y < 1000 || real.getUTCFullYear() !== y || real.getUTCMonth() !== m - 1 || real.getUTCDate() !== d) {
    throw new RangeError(`not a calendar day: ${day}`);
  }
  return [y, m, d];
}

/** The terms starting in Gregorian `year`, in date order (小寒 … 冬至). The library's computation is the slow part, so each year is asked once. */
const byYear = new Map<number, readonly SolarTermDate[]>();
function termsOfYear(year: number): readonly SolarTermDate[] {
  let found = byYear.get(year);
  if (found === undefined) {
    const list: SolarTermDate[] = [];
    // wholeDay: the first term on a later day than 31 December, then the one after it, and so on.
    let next = Solar.fromYmd(year - 1, 12, 31)
      .getLunar()
      .getNextJieQi(true);
    while (next.getSolar().getYear() === year) {
      const term = termByName.get(next.getName());
      if (term === undefined) throw new Error(`lunar-typescript named an unknown solar term: ${next.getName()}`);
      list.push({ ...term, date: next.getSolar().toYmd() });
      next = next.getSolar().getLunar().getNextJieQi(true);
    }
    found = list;
    byYear.set(year, found);
  }
  return found;
}

/** The solar term that starts on China-time day `day` (YYYY-MM-DD), or null on the other days. */
export function solarTermOn(day: string): SolarTerm | null {
  const [year] = parseDay(day);
  const term = termsOfYear(year).find((t) => t.date === day);
  return term === undefined ? null : { id: term.id, name: term.name };
}

/** The first solar term starting after `day` (strictly: on a term's own day this is the one after it). */
export function nextSolarTerm(day: string): SolarTermDate {
  const [year] = parseDay(day);
  const term = termsOfYear(year).find((t) => t.date > day) ?? termsOfYear(year + 1)[0];
  return { ...term };
}

/** The China-time day term `termId` starts on in Gregorian `year` (小寒 and 大寒 fall in January of it). */
export function solarTermDate(termId: SolarTermId, year: number): string {
  const term = termsOfYear(year).find((t) => t.id === termId);
  if (term === undefined) throw new RangeError(`no solar term ${String(termId)} in ${year}`);
  return term.date;
}

export const isSolarTermId = (id: string): id is SolarTermId => solarTermIds.includes(id as SolarTermId);

/** The term notice goes out on the term's day from this hour, China time: the morning, before field work. */
export const TERM_PUBLISH_HOUR = 6;

/** The notice's text: the region's advice, the season's risks and the village cadre's own line. */
export function termNoticeBody(notice: FarmingNotice, localNote: string | null): string {
  const parts = [notice.advice, `注意：${notice.risks}`];
  if (localNote) parts.push(`本村提示：${localNote}`);
  return parts.join('\n');
}

/** The latest solar term starting on or before `day`: the one whose notice went out last. */
export function lastSolarTerm(day: string): SolarTermDate {
  const [year] = parseDay(day);
  const earlier = [...termsOfYear(year - 1), ...termsOfYear(year)].filter((t) => t.date <= day);
  return { ...earlier[earlier.length - 1] };
}
