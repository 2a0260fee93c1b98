import QRCode from 'qrcode';
import { routes } from '../../types';
import { dataOf, makeWorld, STAND_IN_URL, type World } from '../../test/support/world';
import { h5PageUrl, LOCAL_QR_OPTIONS } from '../core/adapters/local-qr-codes';
import { usersHandler as users } from './handler';

let w: World;
beforeEach(async () => {
  w = await makeWorld();
});

const issue = async (who: Parameters<World['call']>[1], memberId: string): Promise<string> =>
  dataOf(await w.call(users, who, 'issueInvite', { memberId })).code;
const qr = (who: Parameters<World['call']>[1], code: unknown) => w.call(users, who, 'inviteQr', { code });
const refusal = (code: string) => ({ ok: false, error: { code, message: expect.stringMatching(/[\u4e00-\u9fff]/) } });

describe('the QR code of an invite', () => {
  it('gives the cadre a PNG of the bind page with the code filled in, and the same page for a share card', async () => {
    const code = await issue('cadreA', 'm-ua');
    const answer = dataOf(await qr('cadreA', code));
    expect(answer).toMatchObject({
      code,
      memberName: '王小虎',
      expiresAt: '2026-12-01T02:00:00.000Z',
      path: `/pages/bind/index?code=${code}`,
    });
    const png = await QRCode.toBuffer(h5PageUrl(STAND_IN_URL, routes.bind, { code }), LOCAL_QR_OPTIONS);
    expect(answer.image).toBe(`data:image/png;base64,${png.toString('base64')}`);
  });

  it('takes the code as a person would type it', async () => {
    const code = await issue('cadreA', 'm-ua');
    const typed = `${code.slice(0, 4).toLowerCase()}－${code.slice(4)}`.replace(/[A-Z0-9]/g, (c) =>
      String.fromCharCode(c.charCodeAt(0) + 0xfee0),
    );
    expect(dataOf(await qr('cadreA', typed)).code).toBe(code);
  });

  it("shows the township office a cadre's invite of its township", async () => {
    const code = await issue('cadreA', 'm-ua');
    expect(dataOf(await qr('office', code)).memberName).toBe('王小虎');
  });

  it("answers NOT_FOUND for an invite out of the caller's reach, as for one that does not exist", async () => {
    const code = await issue('cadreA', 'm-ua');
    expect(await qr('cadreB', code)).toMatchObject(refusal('INVITE.NOT_FOUND'));
    expect(await qr('cadreA', 'ZZZZZZZZ')).toMatchObject(refusal('INVITE.NOT_FOUND'));
    // Another township's invite, as provisioning or its own office would have written it.
    await w.store.collection('invites').add({
      _id: 'FARFAR22',
      memberId: 'm-ot',
      issuedBy: 'provisioning',
      issuedAt: '2026-11-24T00:00:00.000Z',
      expiresAt: '2026-12-01T00:00:00.000Z',
      usedAt: null,
      usedBy: null,
    });
    expect(await qr('office', 'FARFAR22')).toMatchObject(refusal('INVITE.NOT_FOUND'));
  });

  it("follows the person, not the issuer: the cadre sees the office's invite of a villager of the village", async () => {
    const code = await issue('office', 'm-ua');
    expect(dataOf(await qr('cadreA', code)).code).toBe(code);
  });

  it('refuses an invite that is used, or for someone who bound meanwhile with another code', async () => {
    const used = await issue('cadreA', 'm-ua');
    const other = await issue('cadreA', 'm-ua');
    dataOf(await w.call(users, 'wx-new', 'bind', { code: used }));
    expect(await qr('cadreA', used)).toMatchObject(refusal('INVITE.USED'));
    expect(await qr('cadreA', other)).toMatchObject(refusal('MEMBER.ALREADY_BOUND'));
  });

  it('refuses an expired invite from the instant it expires', async () => {
    const code = await issue('cadreA', 'm-ua');
    w.clock.set('2026-12-01T01:59:59.999Z');
    expect((await qr('cadreA', code)).ok).toBe(true);
    w.clock.set('2026-12-01T02:00:00.000Z');
    expect(await qr('cadreA', code)).toMatchObject(refusal('INVITE.EXPIRED'));
  });

  it('says which character a mistyped code cannot have', async () => {
    expect(await qr('cadreA', 'ABCD0345')).toEqual({
      ok: false,
      error: { code: 'COMMON.INVALID_INPUT', message: '邀请码里没有数字 0 和字母 O，请核对第 5 位' },
    });
  });

  it('is for cadres and offices only', async () => {
    const code = await issue('cadreA', 'm-ua');
    expect(await qr('villagerA', code)).toMatchObject({ ok: false, error: { code: 'COMMON.FORBIDDEN' } });
    expect(await qr('helperA', code)).toMatchObject({ ok: false, error: { code: 'COMMON.FORBIDDEN' } });
    expect(await qr('wx-stranger', code)).toMatchObject({ ok: false, error: { code: 'COMMON.NOT_BOUND' } });
  });

  it('answers QR_UNAVAILABLE, logged, when no code can be made, and the invite stays as it was', async () => {
    const code = await issue('cadreA', 'm-ua');
    const before = await w.store.collection('invites').get(code);
    w.deps.qr = { forPage: () => Promise.reject(new Error('wxacode.getUnlimited failed: 41030')) };
    expect(await qr('cadreA', code)).toEqual({
      ok: false,
      error: { code: 'INVITE.QR_UNAVAILABLE', message: '二维码暂时生成不了，请稍后再试，也可以把邀请码直接发给对方' },
    });
    expect(String(w.errors[0])).toContain('41030');
    expect(await w.store.collection('invites').get(code)).toEqual(before);
  });

  it('makes nothing and reads nothing more for a code out of reach', async () => {
    const code = await issue('cadreA', 'm-ua');
    const forPage = jest.fn();
    w.deps.qr = { forPage };
    await qr('cadreB', code);
    expect(forPage).not.toHaveBeenCalled();
  });
});
