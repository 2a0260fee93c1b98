import { noticeKindLabels, warningLevelLabels, type Notice, type WarningLevel } from '../../types/notices';
import { formatTime } from '../services/format';

/** The warning types a county weather office issues (GB/T 27962 and QWeather's list), as offices know them. */
export const warningTypes = ['暴雨', '大风', '寒潮', '暴雪', '高温', '冰雹', '大雾', '霜冻', '雷电', '干旱', '其他'] as const;

export const warningLevels: readonly WarningLevel[] = ['blue', 'yellow', 'orange', 'red'];

/** "暴雨红色预警", the way a weather office titles one; 其他 gives just the level's words. */
export const warningTitle = (type: string, level: WarningLevel): string =>
  `${type && type !== '其他' ? type : ''}${warningLevelLabels[level]}`;

/** "红色预警 · 暴雨": the level always in words beside its colour. */
export function levelWords(n: Pick<Notice, 'level' | 'warningType'>): string {
  if (!n.level) return n.warningType ?? '';
  return [warningLevelLabels[n.level], n.warningType].filter(Boolean).join(' · ');
}

/** What kind of notice, in words: 农事提醒 / 通知公告 / 气象预警. */
export const kindWords = (n: Pick<Notice, 'kind'>): string => noticeKindLabels[n.kind];

/** "11月27日 14:00 至 11月28日 14:00": when a warning applies; empty without both ends. */
export function timeRange(n: Pick<Notice, 'start' | 'end'>, now: Date = new Date()): string {
  if (!n.start || !n.end) return '';
  return `${formatTime(n.start, now)} 至 ${formatTime(n.end, now)}`;
}

/** What the 朗读 button reads: the title, the level in words, when, and the text. */
export function spokenText(n: Pick<Notice, 'title' | 'body' | 'level' | 'warningType' | 'cancelled' | 'start' | 'end'>): string {
  const parts = [n.title];
  // A comma, not the · shown on screen: a voice reads it as a pause.
  if (n.level) parts.push(levelWords(n).replace(' · ', '，'));
  if (n.cancelled) parts.push('这个预警已经解除');
  const range = timeRange(n);
  if (range) parts.push(`时间：${range}`);
  parts.push(n.body);
  return parts.map((p) => p.replace(/[。，\s]+$/, '')).join('。') + '。';
}
