import legalAid from '../../config/legal-aid.json';
import { legalAidCardSchema, type consultsContract, type LegalAidCard } from '../../types';
import { DomainError } from '../core/domain/errors';
import type { ActionsOf } from '../core/handler/define';
import type { Deps } from '../core/handler/deps';
import type { MemberRecord } from '../core/records';

/** The card a county without its own shows: the national hotline 12348 (config/legal-aid.json), checked at load. */
export const defaultLegalCard: LegalAidCard = legalAidCardSchema.parse(legalAid.default);

export async function readLegalCard(deps: Deps, countyId: string): Promise<LegalAidCard> {
  const stored = await deps.store.collection('legalCards').get(countyId);
  return stored?.card ?? defaultLegalCard;
}

/** The county's office keeps the card: a township's office answers for its township only. */
const mayEdit = (caller: MemberRecord): boolean => caller.role === 'office' && caller.scopeLevel === 'county';

/** 法律援助便民服务卡: everyone of the county reads it; its county office replaces it. */
export const legalCardActions = {
  async legalCard(_input, { deps, caller }) {
    return readLegalCard(deps, caller.countyId);
  },

  async setLegalCard(card, { deps, now, caller }) {
    if (!mayEdit(caller)) throw new DomainError('COMMON.FORBIDDEN', 'only a county office keeps the legal-aid card');
    const id = caller.countyId;
    const fields = { card, updatedBy: caller._id, updatedAt: now.toISOString() };
    // One document per county, written in a transaction: two offices saving at once leave one card, not a mix.
    await deps.store.transaction(async (tx) => {
      if (await tx.get('legalCards', id)) await tx.update('legalCards', id, fields);
      else await tx.add('legalCards', { _id: id, ...fields });
    });
    return card;
  },
} satisfies Partial<ActionsOf<typeof consultsContract>>;
