import { INVITE_ALPHABET, INVITE_CODE_LENGTH } from '../../types';
import { DomainError } from './domain/errors';
import type { IdSource } from './ports/clock';
import { isDuplicateId, type Store } from './ports/store';
import type { InviteRecord } from './records';

const ATTEMPTS = 5;

type Outcome = { saved: InviteRecord } | { earlier: InviteRecord | null };

/**
 * Stores a new invite under a freshly drawn random code. A random 8-character code collides
 * about once in 10^11; the code is the id, so a collision simply draws again.
 *
 * With a `requestKey` (a hash of the issuer and the request id their client sent) the invite
 * and a request record under that key are written in one transaction, so a retry of the same
 * request answers the invite the first attempt made. The code itself stays random: it is the
 * secret that binds a WeChat to a roster entry, and must not follow from anything a client sent.
 */
export async function saveNewInvite(
  store: Store,
  ids: IdSource,
  make: (code: string) => InviteRecord,
  requestKey: string | null = null,
): Promise<InviteRecord> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const invite = make(ids.code(INVITE_ALPHABET, INVITE_CODE_LENGTH));
    let outcome: Outcome;
    try {
      outcome = requestKey
        ? await saveForRequest(store, invite, requestKey)
        : (await store.collection('invites').add(invite), { saved: invite });
    } catch (e) {
      // A taken code, or the same request saved by a concurrent retry: the next round sees which.
      if (!isDuplicateId(e)) throw e;
      continue;
    }
    if ('saved' in outcome) return outcome.saved;
    if (outcome.earlier?.memberId !== invite.memberId) {
      throw new DomainError('COMMON.INVALID_INPUT', 'request id already used for another invite');
    }
    return outcome.earlier;
  }
  throw new Error('could not draw an unused invite code');
}

function saveForRequest(store: Store, invite: InviteRecord, requestKey: string): Promise<Outcome> {
  return store.transaction(async (tx): Promise<Outcome> => {
    const earlier = await tx.get('requests', requestKey);
    if (earlier) return { earlier: await tx.get('invites', earlier.resultId) };
    // A taken code fails the add with a duplicate id, and the caller draws again.
    await tx.add('invites', invite);
    await tx.add('requests', { _id: requestKey, kind: 'invite', resultId: invite._id, createdAt: invite.issuedAt });
    return { saved: invite };
  });
}
