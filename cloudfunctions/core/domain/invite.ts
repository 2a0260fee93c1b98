import { INVITE_VALID_DAYS } from '../../../types';
import type { InviteRecord, MemberRecord } from '../records';
import { DomainError } from './errors';
import { mayInvite } from './scope';
import { addDays } from './time';

export function issueInvite(args: { code: string; issuer: MemberRecord; target: MemberRecord; now: Date }): InviteRecord {
  const { code, issuer, target, now } = args;
  if (!mayInvite(issuer, target)) throw new DomainError('MEMBER.OUT_OF_SCOPE');
  return unusedInvite(code, target, issuer._id, now);
}

function unusedInvite(code: string, target: MemberRecord, issuedBy: string, now: Date): InviteRecord {
  if (target.openid !== null) throw new DomainError('MEMBER.ALREADY_BOUND');
  return {
    _id: code,
    memberId: target._id,
    issuedBy,
    issuedAt: now.toISOString(),
    expiresAt: addDays(now, INVITE_VALID_DAYS).toISOString(),
    usedAt: null,
    usedBy: null,
  };
}

/** Throws the reason an invite cannot be redeemed at `now`. */
export function assertRedeemable(invite: InviteRecord | null, now: Date): asserts invite is InviteRecord {
  if (!invite) throw new DomainError('INVITE.NOT_FOUND');
  if (invite.usedAt !== null) throw new DomainError('INVITE.USED');
  if (Date.parse(invite.expiresAt) <= now.getTime()) throw new DomainError('INVITE.EXPIRED');
}

/**
 * The invite and its person, when `viewer` may pass the invite on (as a share card or a code
 * to scan); otherwise throws why not. Someone outside the viewer's reach gets NOT_FOUND, as for
 * a code that does not exist, so a cadre cannot learn whether another village's code is real;
 * only then do used and expired count. A person bound meanwhile by another code could not use
 * this one either.
 */
export function shareableInvite(
  invite: InviteRecord | null,
  target: MemberRecord | null,
  viewer: MemberRecord,
  now: Date,
): { invite: InviteRecord; target: MemberRecord } {
  if (!invite || !target || target._id !== invite.memberId || !mayInvite(viewer, target)) throw new DomainError('INVITE.NOT_FOUND');
  assertRedeemable(invite, now);
  if (target.openid !== null) throw new DomainError('MEMBER.ALREADY_BOUND');
  return { invite, target };
}

/** Who issued the invites that bring an environment's first office users in, before anyone can issue one. */
export const PROVISIONING_ISSUER = 'provisioning';

/** The first invite of a new environment: only for an office member, who then brings in everyone else. */
export function issueFirstInvite(args: { code: string; target: MemberRecord; now: Date }): InviteRecord {
  const { code, target, now } = args;
  if (target.role !== 'office') throw new DomainError('MEMBER.OUT_OF_SCOPE');
  return unusedInvite(code, target, PROVISIONING_ISSUER, now);
}
