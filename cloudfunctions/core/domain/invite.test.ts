import { aMember } from './domain.fixtures';
import { assertRedeemable, issueFirstInvite, issueInvite, PROVISIONING_ISSUER } from './invite';

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
