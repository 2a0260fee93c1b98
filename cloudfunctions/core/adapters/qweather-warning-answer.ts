import { z } from 'zod';
import { WarningSourceError, type SourceWarning } from '../ports/warnings';

/**
 * QWeather's documented answer of GET /v7/warning/now: `code` "200" when it worked, and
 * `warning[]` (empty when nothing is in force). Times look like 2026-07-20T10:30+08:00; an
 * empty string stands for "not given". Fields not used here (urgency, certainty, severity,
 * level, fxLink, refer) are allowed and dropped: QWeather says its fields may grow.
 */
const instant = z.string().refine((s) => !Number.isNaN(Date.parse(s)), { message: 'not a time' });
const optionalInstant = z
  .union([z.literal(''), instant, z.null()])
  .optional()
  .transform((s) => (s ? new Date(Date.parse(s)).toISOString() : null));
const optionalText = z
  .string()
  .nullish()
  .transform((s) => (s && s.trim() !== '' ? s.trim() : null));

const warningSchema = z.object({
  id: z.string().trim().min(1),
  sender: z
    .string()
    .nullish()
    .transform((s) => s?.trim() ?? ''),
  pubTime: instant.transform((s) => new Date(Date.parse(s)).toISOString()),
  title: z.string().trim().min(1),
  startTime: optionalInstant,
  endTime: optionalInstant,
  status: z.enum(['active', 'update', 'cancel']),
  severityColor: z
    .string()
    .nullish()
    .transform((s) => s?.trim() ?? ''),
  type: z.string().trim().min(1),
  typeName: z.string().trim().min(1),
  text: z.string().trim().min(1),
  related: optionalText,
});

export const qweatherAnswerSchema = z.object({
  code: z.string(),
  updateTime: z.string().optional(),
  warning: z.array(warningSchema).optional(),
});
export type QWeatherAnswer = z.input<typeof qweatherAnswerSchema>;

/**
 * The warnings of one answer, or a WarningSourceError naming what was wrong: a code other than
 * "200" (QWeather's own error codes: 401 bad key, 402 over quota, 404 no such location, 429 too
 * many requests…) or a field missing or malformed. Nothing of a malformed answer is used.
 */
export function parseQWeatherAnswer(raw: unknown, location: string): SourceWarning[] {
  const parsed = qweatherAnswerSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new WarningSourceError(`QWeather answer for ${location} is malformed at ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  if (parsed.data.code !== '200') throw new WarningSourceError(`QWeather answered code ${parsed.data.code} for ${location}`);
  if (!parsed.data.warning) throw new WarningSourceError(`QWeather answer for ${location} has no warning list`);
  return parsed.data.warning;
}
