import { invitePath, inviteParams, routes, usersContract } from '../../types';
import { DomainError } from '../core/domain/errors';
import { assertRedeemable, issueInvite, shareableInvite } from '../core/domain/invite';
import { mayInvite } from '../core/domain/scope';
import { defineHandler } from '../core/handler/define';
import { requestDocId } from '../core/ids';
import { saveNewInvite } from '../core/invites';
import { toDataUrl, type QrImage } from '../core/ports/qr-codes';
import { loadProfile } from '../core/profile';
import { rosterPage } from './roster';

export const usersHandler = defineHandler(usersContract, {
  async whoami(_input, { deps, caller }) {
    if (!caller) return { bound: false as const };
    return { bound: true as const, profile: await loadProfile(deps.store, caller) };
  },

  /**
   * One transaction claims the roster entry (one WeChat per person), uses the invite up
   * (single use) and records the WeChat identity (one person per WeChat): a bind cut
   * short by a crash or a timeout leaves nothing half done, and the code still works.
   */
  async bind({ code }, { deps, now, openid, caller }) {
    if (caller) {
      // A retry of a bind whose answer was lost: the code was used by this very WeChat.
      const invite = await deps.store.collection('invites').get(code);
      if (invite?.usedBy === openid && invite.memberId === caller._id) return loadProfile(deps.store, caller);
      throw new DomainError('USER.ALREADY_BOUND');
    }
    const at = now.toISOString();
    const member = await deps.store.transaction(async (tx) => {
      const invite = await tx.get('invites', code);
      assertRedeemable(invite, now);
      const target = await tx.get('members', invite.memberId);
      if (!target) throw new DomainError('INVITE.NOT_FOUND');
      if (target.openid !== null) throw new DomainError('MEMBER.ALREADY_BOUND');
      // A leftover identity record (its roster entry was removed) still blocks a second binding.
      if (await tx.get('users', openid)) throw new DomainError('USER.ALREADY_BOUND');
      await tx.update('members', target._id, { openid });
      await tx.update('invites', code, { usedAt: at, usedBy: openid });
      await tx.add('users', { _id: openid, memberId: target._id, boundAt: at });
      return { ...target, openid };
    });
    return loadProfile(deps.store, member);
  },

  async roster(input, { deps, caller }) {
    return rosterPage(deps.store, caller, input);
  },

  async issueInvite({ memberId, requestId }, { deps, now, openid, caller }) {
    const target = await deps.store.collection('members').get(memberId);
    if (!target) throw new DomainError('MEMBER.NOT_FOUND');
    const requestKey = requestId ? requestDocId(openid, requestId) : null;
    const invite = await saveNewInvite(deps.store, deps.ids, (code) => issueInvite({ code, issuer: caller, target, now }), requestKey);
    return { code: invite._id, expiresAt: invite.expiresAt, memberName: target.name };
  },

  async inviteQr({ code }, { deps, now, caller }) {
    const found = await deps.store.collection('invites').get(code);
    const person = found ? await deps.store.collection('members').get(found.memberId) : null;
    const { invite, target } = shareableInvite(found, person, caller, now);
    let image: QrImage;
    try {
      image = await deps.qr.forPage(routes.bind, inviteParams(code));
    } catch (e) {
      // The invite itself is fine: the page can still send it as a share card or read the code out.
      deps.log.error('[users.inviteQr] the QR code could not be made', e);
      throw new DomainError('INVITE.QR_UNAVAILABLE');
    }
    return { code, memberName: target.name, expiresAt: invite.expiresAt, path: invitePath(code), image: toDataUrl(image) };
  },

  /** Frees the roster entry and removes the identity record together; the person binds again with a new code. */
  async resetBinding({ memberId }, { deps, caller }) {
    return deps.store.transaction(async (tx) => {
      const target = await tx.get('members', memberId);
      if (!target) throw new DomainError('MEMBER.NOT_FOUND');
      // Nobody frees their own entry: an office user would lock themselves out.
      if (target._id === caller._id || !mayInvite(caller, target)) throw new DomainError('MEMBER.OUT_OF_SCOPE');
      if (target.openid === null) throw new DomainError('MEMBER.NOT_BOUND');
      const user = await tx.get('users', target.openid);
      if (user?.memberId === target._id) await tx.remove('users', user._id);
      await tx.update('members', target._id, { openid: null });
      return { memberName: target.name };
    });
  },
});
