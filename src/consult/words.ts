import { consultRules, consultStatusLabels, type ConsultStatus, type ConsultSummary, type ConsultType } from '../../types/consults';
import { formatTime } from '../services/format';

/** Keeps a number with its unit on one line (4 小时), never a lone unit on the next. */
const NBSP = '\u00a0';
const HOUR_MS = 60 * 60 * 1000;

/**
 * The steps a request goes through, as the detail page draws them: three characters each, so five
 * share a 320 px phone in 大字 without wrapping (the status word above says 等待受理 in full).
 */
export const consultStages = ['待受理', '已受理', '办理中', '已办结', '已完成'] as const;
const stageOf: Record<ConsultStatus, number> = { submitted: 0, accepted: 1, in_progress: 2, resolved: 3, closed: 4 };
/** The step reached: a closed request has every step done. */
export const consultStage = (status: ConsultStatus): number => (status === 'closed' ? consultStages.length : stageOf[status]);

/** The colour a status is drawn in; it only repeats the status's words. */
export type StatusTone = 'waiting' | 'working' | 'answer' | 'done';
export const statusTone: Record<ConsultStatus, StatusTone> = {
  submitted: 'waiting',
  accepted: 'working',
  in_progress: 'working',
  resolved: 'answer',
  closed: 'done',
};

/** 4 小时, 1 天, 36 小时: whole days when the hours make whole days. */
export const hoursInWords = (hours: number): string => (hours >= 24 && hours % 24 === 0 ? `${hours / 24}${NBSP}天` : `${hours}${NBSP}小时`);

/** What the household may expect of a type: 一般 4 小时内答复，2 天内办好. */
export function targetInWords(type: ConsultType): string {
  const t = consultRules.targets[type];
  return `一般 ${hoursInWords(t.respondHours)}内答复，${t.resolveDays}${NBSP}天内办好`;
}

/** 3 小时 / 2 天: how long past a deadline, rounded down, at least an hour. */
export function lateBy(dueAt: string, now: Date): string {
  const hours = Math.max(1, Math.floor((now.getTime() - new Date(dueAt).getTime()) / HOUR_MS));
  return hours < 24 ? `${hours}${NBSP}小时` : `${Math.floor(hours / 24)}${NBSP}天`;
}

export interface DueWords {
  /** 已超时 3 小时, for the card's head; null when not overdue. */
  flag: string | null;
  /** The sentence that says the rest: 11月27日 14:00 前答复, 等您确认, 已完成. */
  rest: string;
}

/**
 * Where a request stands against its deadline, in words. `household` is the household's own view
 * (我的求助), which is asked to confirm; staff wait for it.
 */
export function dueInWords(
  c: Pick<ConsultSummary, 'status' | 'dueAt' | 'overdue' | 'updatedAt'>,
  household: boolean,
  now: Date = new Date(),
): DueWords {
  if (c.status === 'closed') return { flag: null, rest: `${formatTime(c.updatedAt, now)} 办完` };
  if (c.status === 'resolved') return { flag: null, rest: household ? '已办结，请告诉干部问题解决了没有' : '已办结，等群众确认' };
  const what = c.status === 'submitted' ? '答复' : '办好';
  const by = `${formatTime(c.dueAt, now)} 前${what}`;
  if (!c.overdue) return { flag: null, rest: by };
  return { flag: `已超时${NBSP}${lateBy(c.dueAt, now)}`, rest: `本应${by}` };
}

export const statusWords = (status: ConsultStatus): string => consultStatusLabels[status];
