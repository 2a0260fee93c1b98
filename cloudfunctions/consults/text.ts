import { DomainError } from '../core/domain/errors';
import type { Deps } from '../core/handler/deps';

/**
 * Every text of a request passes the content check before anyone else reads it. 'risky' is refused
 * and nothing is stored. 'review' is kept like 'pass': only the household and the staff over it read
 * these texts, and those staff are the people WeChat's 'review' asks for; it is logged for a look.
 */
export async function checkText(deps: Deps, text: string, openid: string, where: string): Promise<void> {
  const verdict = await deps.content.check(text, openid);
  if (verdict === 'risky') throw new DomainError('CONTENT.REJECTED');
  if (verdict === 'review') deps.log.warn(`[consults.${where}] text held for review was kept: only the household and its staff read it`);
}
