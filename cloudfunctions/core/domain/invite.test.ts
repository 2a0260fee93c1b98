import { aMember } from './domain.fixtures';
import { assertRedeemable, issueFirstInvite, issueInvite, PROVISIONING_ISSUER, shareableInvite } from './invite';

const now = new Date('2026-11-24T02:00:00.000Z');
const cadre = aMember({ role: 'cadre' });
const villager = aMember({ role: 'villager' });

describe('issueInvite', () => {
  it('makes a single-use invite that expires seven days later', () => {
    expect(issueInvite({ code: 'ABCDEFGH', issuer: cadre, target: villager, now })).toEqual({
      _id: 'ABCDEFGH',
      memberId: 'm-villager',
      issuedBy: 'm-cadre',
      issuedAt: '2026-11-24T02:00:00.000Z',
      expiresAt: '2026-12-01T02:00:00.000Z',
      usedAt: null,
      usedBy: null,
    });
  });

  it("refuses people outside the issuer's village and people already bound", () => {
    expect(() => issueInvite({ code: 'X', issuer: cadre, target: { ...villager, villageId: 'v2' }, now })).toThrow('MEMBER.OUT_OF_SCOPE');
    expect(() => issueInvite({ code: 'X', issuer: cadre, target: { ...villager, openid: 'wx' }, now })).toThrow('MEMBER.ALREADY_BOUND');
  });
});

describe('assertRedeemable', () => {
  const invite = issueInvite({ code: 'ABCDEFGH', issuer: cadre, target: villager, now });

  it('accepts an unused invite until the instant it expires', () => {
    expect(() => assertRedeemable(invite, new Date('2026-12-01T01:59:59.999Z'))).not.toThrow();
    expect(() => assertRedeemable(invite, new Date('2026-12-01T02:00:00.000Z'))).toThrow('INVITE.EXPIRED');
  });

  it('names a missing or used invite', () => {
    expect(() => assertRedeemable(null, now)).toThrow('INVITE.NOT_FOUND');
    expect(() => assertRedeemable({ ...invite, usedAt: now.toISOString(), usedBy: 'wx' }, now)).toThrow('INVITE.USED');
  });
});

describe('issueFirstInvite', () => {
  const office = aMember({ role: 'office', villageId: null, scopeLevel: 'township', scopeId: 't1' });

  it('lets provisioning invite an unbound office member, and no one else', () => {
    expect(issueFirstInvite({ code: 'ABCDEFGH', target: office, now })).toMatchObject({
      memberId: 'm-office',
      issuedBy: PROVISIONING_ISSUER,
      expiresAt: '2026-12-01T02:00:00.000Z',
      usedAt: null,
    });
    expect(() => issueFirstInvite({ code: 'ABCDEFGH', target: cadre, now })).toThrow('MEMBER.OUT_OF_SCOPE');
    expect(() => issueFirstInvite({ code: 'ABCDEFGH', target: { ...office, openid: 'wx' }, now })).toThrow('MEMBER.ALREADY_BOUND');
  });
});

describe('shareableInvite', () => {
  const invite = issueInvite({ code: 'ABCDEFGH', issuer: cadre, target: villager, now });
  const office = aMember({ role: 'office', villageId: null, scopeLevel: 'township', scopeId: 't1' });

  it('gives the invite and its person to anyone who could have issued it, until it expires', () => {
    expect(shareableInvite(invite, villager, cadre, now)).toEqual({ invite, target: villager });
    expect(shareableInvite(invite, villager, office, now).target).toBe(villager);
    expect(() => shareableInvite(invite, villager, cadre, new Date('2026-12-01T02:00:00.000Z'))).toThrow('INVITE.EXPIRED');
  });

  it('answers NOT_FOUND, before anything else, to a viewer out of reach', () => {
    const otherCadre = aMember({ role: 'cadre', _id: 'm-c2', villageId: 'v2', scopeId: 'v2' });
    const used = { ...invite, usedAt: now.toISOString(), usedBy: 'wx' };
    expect(() => shareableInvite(used, villager, otherCadre, now)).toThrow('INVITE.NOT_FOUND');
    expect(() => shareableInvite(invite, villager, aMember({ role: 'villager', _id: 'm-v2' }), now)).toThrow('INVITE.NOT_FOUND');
    expect(() => shareableInvite(null, null, cadre, now)).toThrow('INVITE.NOT_FOUND');
    expect(() => shareableInvite(invite, null, cadre, now)).toThrow('INVITE.NOT_FOUND');
    expect(() => shareableInvite(invite, { ...villager, _id: 'm-else' }, cadre, now)).toThrow('INVITE.NOT_FOUND');
  });

  it('names a used invite, and a person bound meanwhile by another code', () => {
    expect(() => shareableInvite({ ...invite, usedAt: now.toISOString(), usedBy: 'wx' }, villager, cadre, now)).toThrow('INVITE.USED');
    expect(() => shareableInvite(invite, { ...villager, openid: 'wx' }, cadre, now)).toThrow('MEMBER.ALREADY_BOUND');
  });
});
