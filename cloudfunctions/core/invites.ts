import { INVITE_ALPHABET, INVITE_CODE_LENGTH } from '../../types';
import type { IdSource } from './ports/clock';
import { isDuplicateId, type Store } from './ports/store';
import type { InviteRecord } from './records';

/**
 * Stores a new invite under a freshly drawn code. A random 8-character code collides about
 * once in 10^11; the code is the id, so a collision is a duplicate id and simply draws again.
 */
export async function saveNewInvite(store: Store, ids: IdSource, make: (code: string) => InviteRecord): Promise<InviteRecord> {
  const invites = store.collection<InviteRecord>('invites');
  for (let attempt = 0; attempt < 5; attempt++) {
    const invite = make(ids.code(INVITE_ALPHABET, INVITE_CODE_LENGTH));
    try {
      await invites.add(invite);
      return invite;
    } catch (e) {
      if (!isDuplicateId(e)) throw e;
    }
  }
  throw new Error('could not draw an unused invite code');
}
