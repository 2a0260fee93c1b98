import { usersContract } from '../../types';
import { DomainError } from '../core/domain/errors';
import { assertRedeemable, issueInvite } from '../core/domain/invite';
import { defineHandler } from '../core/handler/define';
import { saveNewInvite } from '../core/invites';
import { loadProfile } from '../core/profile';
import { isDuplicateId } from '../core/ports/store';
import type { InviteRecord, MemberRecord, UserRecord } from '../core/records';
import { rosterPage } from './roster';

export const usersHandler = defineHandler(usersContract, {
  async whoami(_input, { deps, caller }) {
    if (!caller) return { bound: false as const };
    return { bound: true as const, profile: await loadProfile(deps.store, caller) };
  },

  /**
   * No transactions span documents, so binding claims in an order that can be
   * undone: the member first (one WeChat per roster entry), then the invite
   * (single use), then the openid's user record (one roster entry per WeChat).
   */
  async bind({ code }, { deps, now, openid, caller }) {
    if (caller) throw new DomainError('USER.ALREADY_BOUND');
    const invites = deps.store.collection<InviteRecord>('invites');
    const members = deps.store.collection<MemberRecord>('members');
    const invite = await invites.get(code);
    assertRedeemable(invite, now);
    const member = await members.get(invite.memberId);
    if (!member) throw new DomainError('INVITE.NOT_FOUND');
    if ((await members.updateIf(member._id, { openid: null }, { openid })) === 0) {
      throw new DomainError('MEMBER.ALREADY_BOUND');
    }
    const at = now.toISOString();
    if ((await invites.updateIf(code, { usedAt: null }, { usedAt: at, usedBy: openid })) === 0) {
      await members.updateIf(member._id, { openid }, { openid: null });
      throw new DomainError('INVITE.USED');
    }
    try {
      await deps.store.collection<UserRecord>('users').add({ _id: openid, memberId: member._id, boundAt: at });
    } catch (e) {
      await members.updateIf(member._id, { openid }, { openid: null });
      await invites.updateIf(code, { usedBy: openid }, { usedAt: null, usedBy: null });
      if (isDuplicateId(e)) throw new DomainError('USER.ALREADY_BOUND');
      throw e;
    }
    return loadProfile(deps.store, { ...member, openid });
  },

  async roster(input, { deps, caller }) {
    return rosterPage(deps.store, caller, input);
  },

  async issueInvite({ memberId }, { deps, now, caller }) {
    const target = await deps.store.collection<MemberRecord>('members').get(memberId);
    if (!target) throw new DomainError('MEMBER.NOT_FOUND');
    const invite = await saveNewInvite(deps.store, deps.ids, (code) => issueInvite({ code, issuer: caller, target, now }));
    return { code: invite._id, expiresAt: invite.expiresAt, memberName: target.name };
  },
});
