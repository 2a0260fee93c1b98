import { DomainError } from '../core/domain/errors';
import type { Deps } from '../core/handler/deps';
import type { MemberRecord } from '../core/records';

/**
 * Text other people will read (a reported event's note, a visit's answers) passes WeChat's content
 * check first; only 'risky' is refused, and nothing is stored. 'review' is let through: these texts
 * are read by a household's own cadres and helpers, not published.
 */
export async function checkText(deps: Deps, texts: readonly string[], openid: string): Promise<void> {
  const text = texts.join('\n');
  if (text.trim() === '') return;
  const verdict = await deps.content.check(text, openid);
  if (verdict === 'risky') throw new DomainError('WISH.CONTENT_RISKY');
  if (verdict === 'review') deps.log.warn('content check asked for review of a text read by a few staff', { length: text.length });
}

/** A request id replayed by someone else than who first sent it gets nothing of theirs. */
export function ownReplay<T extends { reportedBy: string } | { visitorId: string }>(record: T, caller: MemberRecord): T {
  const by = 'reportedBy' in record ? record.reportedBy : record.visitorId;
  if (by !== caller._id) throw new DomainError('COMMON.INVALID_INPUT', 'request id belongs to another member');
  return record;
}
