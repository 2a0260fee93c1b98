import { urgentWarningLevels, type WarningLevel, type WarningStatus } from '../../../types/notices';
import type { SourceWarning } from '../ports/warnings';
import type { NoticeRecord } from '../records';

/**
 * Severe-weather warnings (seed 000 §一.7: pass disaster forecasts down in advance): which of the
 * provider's warnings count, and what a new version does to the notice already published. Pure:
 * the caller reads the store and the clock and carries the plan out.
 */

const levelRank: Record<WarningLevel, number> = { blue: 1, yellow: 2, orange: 3, red: 4 };

/** China's four warning colours; QWeather also sends White, Green and Black (other systems' levels), which are not ours. */
const colourLevels: Record<string, WarningLevel> = { blue: 'blue', yellow: 'yellow', orange: 'orange', red: 'red' };
export const levelOfColour = (colour: string): WarningLevel | null => colourLevels[colour.trim().toLowerCase()] ?? null;

export const isUrgent = (level: WarningLevel): boolean => urgentWarningLevels.includes(level);

/** Sender and type together name "the same warning" when an update does not say which one it replaces. */
export const warningKeyOf = (sender: string, type: string): string => `${sender}|${type}`;

/** A warning, from the provider or an office, as the rules see it. */
export interface IncomingWarning {
  sourceId: string;
  status: WarningStatus;
  /** Null only for a cancel, which the provider sends without a colour: it withdraws whatever level was in force. */
  level: WarningLevel | null;
  type: string;
  title: string;
  text: string;
  start: string;
  end: string;
  publishedAt: string;
}

/** A provider's warning in our terms, or why it is left out. With no end given, a warning is taken to last a day. */
export function fromSource(w: SourceWarning): { ok: true; warning: IncomingWarning } | { ok: false; reason: string } {
  const level = levelOfColour(w.severityColor);
  if (!level && w.status !== 'cancel')
    return { ok: false, reason: `colour "${w.severityColor}" is not one of China's four warning levels` };
  const start = w.startTime ?? w.pubTime;
  const end = w.endTime ?? new Date(Date.parse(start) + 24 * 60 * 60 * 1000).toISOString();
  return {
    ok: true,
    warning: {
      sourceId: w.id,
      status: w.status,
      level,
      type: w.typeName,
      title: w.title,
      text: w.text,
      start,
      end,
      publishedAt: w.pubTime,
    },
  };
}

/** What to do with an incoming warning, given whether its id was handled before and the notice it updates or cancels. */
export type WarningPlan =
  | { kind: 'seen' }
  | { kind: 'expired' }
  | { kind: 'nothing-to-cancel' }
  | { kind: 'publish' }
  | { kind: 'replace'; notice: NoticeRecord; renotify: boolean }
  | { kind: 'withdraw'; notice: NoticeRecord };

export function planWarning(w: IncomingWarning, known: { seen: boolean; earlier: NoticeRecord | null; now: Date }): WarningPlan {
  if (known.seen) return { kind: 'seen' };
  const earlier = known.earlier && known.earlier.cancelledAt === null ? known.earlier : null;
  if (w.status === 'cancel') return earlier ? { kind: 'withdraw', notice: earlier } : { kind: 'nothing-to-cancel' };
  if (!w.level) return { kind: 'nothing-to-cancel' };
  if (earlier) return { kind: 'replace', notice: earlier, renotify: rose(earlier.level, w.level) };
  // Nothing to replace: a warning first seen already over is history, not news.
  if (Date.parse(w.end) <= known.now.getTime()) return { kind: 'expired' };
  return { kind: 'publish' };
}

/** An update tells everyone again only when it turns orange or red from something lower. */
export function rose(from: WarningLevel | null, to: WarningLevel): boolean {
  return isUrgent(to) && (from === null || levelRank[to] > levelRank[from]);
}

/** The fields an update replaces; the notice keeps its id, villages and publication time. */
export function replacedBy(w: IncomingWarning, now: Date): Partial<NoticeRecord> & Pick<NoticeRecord, 'title' | 'body' | 'updatedAt'> {
  return {
    title: w.title,
    body: w.text,
    ...(w.level ? { level: w.level } : {}),
    warningType: w.type,
    start: w.start,
    end: w.end,
    sourceId: w.sourceId,
    updatedAt: now.toISOString(),
  };
}

/** In force: a warning neither cancelled nor past its end. Only these are pinned on top of the list. */
export const isActiveWarning = (n: Pick<NoticeRecord, 'kind' | 'cancelledAt' | 'end'>, now: Date): boolean =>
  n.kind === 'warning' && n.cancelledAt === null && n.end !== null && Date.parse(n.end) > now.getTime();

/** Pinned warnings: the most severe first, then the newest. */
export function byUrgency<T extends Pick<NoticeRecord, 'level' | 'publishedAt'>>(a: T, b: T): number {
  const rank = (n: T) => (n.level ? levelRank[n.level] : 0);
  return rank(b) - rank(a) || b.publishedAt.localeCompare(a.publishedAt);
}
