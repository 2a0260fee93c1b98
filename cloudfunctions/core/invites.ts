import { INVITE_ALPHABET, INVITE_CODE_LENGTH } from '../../types';
import { codeFromKey } from './ids';
import type { IdSource } from './ports/clock';
import { isDuplicateId, type Store } from './ports/store';
import type { InviteRecord } from './records';

const ATTEMPTS = 5;

/**
 * Stores a new invite under a freshly drawn code. A random 8-character code collides about
 * once in 10^11; the code is the id, so a collision is a duplicate id and simply draws again.
 *
 * With a `requestKey` (the issuer's client sent a request id) the codes are drawn from the
 * key instead, the same on every retry: a retry finds the invite its first attempt stored
 * and answers it, and never an invite made for another request.
 */
export async function saveNewInvite(
  store: Store,
  ids: IdSource,
  make: (code: string) => InviteRecord,
  requestKey: string | null = null,
): Promise<InviteRecord> {
  const invites = store.collection('invites');
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const code = requestKey
      ? codeFromKey(`${requestKey}:${attempt}`, INVITE_ALPHABET, INVITE_CODE_LENGTH)
      : ids.code(INVITE_ALPHABET, INVITE_CODE_LENGTH);
    const invite = { ...make(code), requestKey };
    try {
      await invites.add(invite);
      return invite;
    } catch (e) {
      if (!isDuplicateId(e)) throw e;
      const existing = requestKey ? await invites.get(code) : null;
      if (existing && existing.requestKey === requestKey && existing.memberId === invite.memberId) return existing;
    }
  }
  throw new Error('could not draw an unused invite code');
}
