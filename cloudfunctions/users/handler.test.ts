import { INVITE_ALPHABET } from '../../types';
import { dataOf, makeWorld, openidOf, type World } from '../../test/support/world';
import { usersHandler as users } from './handler';

let w: World;
beforeEach(async () => {
  w = await makeWorld();
});

const issue = async (who: Parameters<World['call']>[1], memberId: string) => w.call(users, who, 'issueInvite', { memberId });
const codeOf = (res: Awaited<ReturnType<typeof issue>>): string => dataOf(res).code;

describe('who am I', () => {
  it('tells an unknown WeChat user that they are not bound yet', async () => {
    expect(dataOf(await w.call(users, 'wx-stranger', 'whoami', {}))).toEqual({ bound: false });
  });

  it('gives a bound villager their role, village and household', async () => {
    expect(dataOf(await w.call(users, 'villagerA', 'whoami', {}))).toEqual({
      bound: true,
      profile: {
        memberId: 'm-va',
        role: 'villager',
        name: '王秀兰',
        scope: { level: 'village', id: 'v-xinghua', name: '杏花村' },
        villageId: 'v-xinghua',
        villageName: '杏花村',
        householdId: 'h-a1',
      },
    });
  });

  it('names the township for an office user', async () => {
    const me = dataOf(await w.call(users, 'office', 'whoami', {}));
    expect(me.profile.scope).toEqual({ level: 'township', id: 't-shiqiao', name: '石桥镇' });
  });

  it('answers UNAUTHENTICATED when the platform gave no identity', async () => {
    const res = await w.call(users, null, 'whoami', {});
    expect(!res.ok && res.error.code).toBe('COMMON.UNAUTHENTICATED');
  });
});

describe('issuing invite codes', () => {
  it('gives a cadre a readable 8-character code for an unbound villager of the village, valid for 7 days', async () => {
    const invite = dataOf(await issue('cadreA', 'm-ua'));
    expect(invite.memberName).toBe('王小虎');
    expect(invite.code).toMatch(new RegExp(`^[${INVITE_ALPHABET}]{8}$`));
    expect(invite.expiresAt).toBe('2026-12-01T02:00:00.000Z');
  });

  it('refuses a cadre for people outside the village and for other cadres, and refuses bound people', async () => {
    expect(await issue('cadreB', 'm-ua')).toMatchObject({ ok: false, error: { code: 'MEMBER.OUT_OF_SCOPE' } });
    expect(await issue('cadreA', 'm-cb')).toMatchObject({ ok: false, error: { code: 'MEMBER.OUT_OF_SCOPE' } });
    expect(await issue('cadreA', 'm-va')).toMatchObject({ ok: false, error: { code: 'MEMBER.ALREADY_BOUND' } });
    expect(await issue('cadreA', 'm-nobody')).toMatchObject({ ok: false, error: { code: 'MEMBER.NOT_FOUND' } });
    expect(await w.store.collection('invites').count({})).toBe(0);
  });

  it('lets the township office invite anyone of its township but not of another', async () => {
    expect((await issue('office', 'm-ua')).ok).toBe(true);
    expect(await issue('office', 'm-ot')).toMatchObject({ ok: false, error: { code: 'MEMBER.OUT_OF_SCOPE' } });
  });

  it('is not open to villagers or helpers', async () => {
    expect(await issue('villagerA', 'm-ua')).toMatchObject({ ok: false, error: { code: 'COMMON.FORBIDDEN' } });
    expect(await issue('helperA', 'm-ua')).toMatchObject({ ok: false, error: { code: 'COMMON.FORBIDDEN' } });
  });
});

describe('binding a WeChat identity with an invite code', () => {
  it('binds the new user to the invited roster entry and uses the code up', async () => {
    const code = codeOf(await issue('cadreA', 'm-ua'));
    const profile = dataOf(await w.call(users, 'wx-new', 'bind', { code: `${code.slice(0, 4).toLowerCase()} ${code.slice(4)}` }));
    expect(profile).toMatchObject({ memberId: 'm-ua', role: 'villager', villageName: '杏花村' });
    expect(dataOf(await w.call(users, 'wx-new', 'whoami', {}))).toMatchObject({ bound: true, profile: { name: '王小虎' } });
    expect((await w.store.collection('invites').get(code))?.usedBy).toBe('wx-new');

    const again = await w.call(users, 'wx-other', 'bind', { code });
    expect(!again.ok && again.error.code).toBe('INVITE.USED');
  });

  it('refuses an unknown, malformed or expired code and changes nothing', async () => {
    const code = codeOf(await issue('cadreA', 'm-ua'));
    expect(await w.call(users, 'wx-new', 'bind', { code: 'ZZZZZZZZ' })).toMatchObject({ ok: false, error: { code: 'INVITE.NOT_FOUND' } });
    expect(await w.call(users, 'wx-new', 'bind', { code: 'ABC' })).toEqual({
      ok: false,
      error: { code: 'COMMON.INVALID_INPUT', message: '邀请码是 8 位，您填了 3 位，请核对' },
    });
    w.clock.set('2026-12-01T02:00:00.000Z');
    expect(await w.call(users, 'wx-new', 'bind', { code })).toMatchObject({ ok: false, error: { code: 'INVITE.EXPIRED' } });
    expect(await w.store.collection('users').get('wx-new')).toBeNull();
    expect((await w.store.collection('members').get('m-ua'))?.openid).toBeNull();
  });

  it('refuses a WeChat user who is already bound, leaving the code usable', async () => {
    const code = codeOf(await issue('cadreA', 'm-ua'));
    expect(await w.call(users, 'villagerA', 'bind', { code })).toMatchObject({ ok: false, error: { code: 'USER.ALREADY_BOUND' } });
    expect((await w.call(users, 'wx-new', 'bind', { code })).ok).toBe(true);
  });

  it('lets only the first of two codes for the same person bind it', async () => {
    const first = codeOf(await issue('cadreA', 'm-ua'));
    const second = codeOf(await issue('office', 'm-ua'));
    expect((await w.call(users, 'wx-one', 'bind', { code: first })).ok).toBe(true);
    expect(await w.call(users, 'wx-two', 'bind', { code: second })).toMatchObject({ ok: false, error: { code: 'MEMBER.ALREADY_BOUND' } });
    expect((await w.store.collection('invites').get(second))?.usedAt).toBeNull();
    expect(await w.store.collection('users').get('wx-two')).toBeNull();
  });

  it('undoes the member and invite claims when the user record turns out to exist already', async () => {
    const code = codeOf(await issue('cadreA', 'm-ua'));
    // A user record whose member was removed from the roster passes the who-am-I check but blocks the final write.
    await w.store.collection('users').add({ _id: 'wx-ghost', memberId: 'm-removed', boundAt: '2026-01-01T00:00:00.000Z' });
    expect(await w.call(users, 'wx-ghost', 'bind', { code })).toMatchObject({ ok: false, error: { code: 'USER.ALREADY_BOUND' } });
    expect((await w.store.collection('members').get('m-ua'))?.openid).toBeNull();
    expect(await w.store.collection('invites').get(code)).toMatchObject({ usedAt: null, usedBy: null });
    expect((await w.call(users, 'wx-new', 'bind', { code })).ok).toBe(true);
  });
});

describe('the roster for invites', () => {
  it('shows a cadre the villagers and helpers of the village only, flagging who is bound', async () => {
    const page = dataOf(await w.call(users, 'cadreA', 'roster', {}));
    const names = page.items.map((e: { name: string }) => e.name).sort();
    expect(names).toEqual(['王小虎', '王建国', '王秀兰', '陈静'].sort());
    const entry = (name: string) => page.items.find((e: { name: string }) => e.name === name);
    expect(entry('王小虎')).toEqual({
      memberId: 'm-ua',
      name: '王小虎',
      role: 'villager',
      villageName: '杏花村',
      detail: '三组 12 号',
      bound: false,
      householdId: 'h-a1',
    });
    expect(entry('王秀兰')).toMatchObject({ bound: true, villageName: '杏花村' });
    expect(entry('陈静')).toMatchObject({ role: 'helper', detail: '县卫健局', bound: true });
    expect(JSON.stringify(page)).not.toContain('100-0000');
  });

  it('names no village and no detail for an office member, and orders by name', async () => {
    const page = dataOf(await w.call(users, 'office', 'roster', { limit: 50 }));
    expect(page.items.find((e: { memberId: string }) => e.memberId === 'm-of')).toMatchObject({ villageName: null, detail: '' });
    const names = page.items.map((e: { name: string }) => e.name);
    expect(names).toEqual([...names].sort());
  });

  it('filters to unbound people and pages', async () => {
    const unbound = dataOf(await w.call(users, 'office', 'roster', { unboundOnly: true }));
    expect(unbound.items.map((e: { memberId: string }) => e.memberId)).toEqual(['m-ua']);
    const first = dataOf(await w.call(users, 'office', 'roster', { limit: 3 }));
    expect(first.items).toHaveLength(3);
    const rest = dataOf(await w.call(users, 'office', 'roster', { limit: 50, cursor: first.nextCursor }));
    expect(first.items.length + rest.items.length).toBe(8);
    expect(rest.nextCursor).toBeNull();
  });
});

it('rejects a payload that tries to name its own openid, since identity only comes from the platform', async () => {
  const code = codeOf(await issue('cadreA', 'm-ua'));
  const res = await users.invoke(
    { action: 'bind', input: { code, openid: openidOf('villagerA') } },
    { openid: 'wx-real', source: 'client' },
    w.deps,
  );
  expect(!res.ok && res.error.code).toBe('COMMON.INVALID_INPUT');
});

describe('a bind cut short', () => {
  it('leaves nothing half done when the store fails at the last write, so the same code still works', async () => {
    const code = codeOf(await issue('cadreA', 'm-ua'));
    const real = w.store;
    // The identity record's write fails, as a crash or a timeout would cut it off.
    w.deps.store = {
      collection: (name) => real.collection(name),
      transaction: (work) =>
        real.transaction((tx) =>
          work({
            ...tx,
            get: tx.get.bind(tx),
            update: tx.update.bind(tx),
            remove: tx.remove.bind(tx),
            add: async (name, doc) => {
              if (name === 'users') throw new Error('function timed out');
              return tx.add(name, doc);
            },
          }),
        ),
    };
    expect(await w.call(users, 'wx-new', 'bind', { code })).toMatchObject({ ok: false, error: { code: 'COMMON.INTERNAL' } });
    expect((await real.collection('members').get('m-ua'))?.openid).toBeNull();
    expect(await real.collection('invites').get(code)).toMatchObject({ usedAt: null, usedBy: null });
    w.deps.store = real;
    expect(dataOf(await w.call(users, 'wx-new', 'bind', { code }))).toMatchObject({ memberId: 'm-ua' });
  });

  it('answers a retry of a bind that went through with the same profile', async () => {
    const code = codeOf(await issue('cadreA', 'm-ua'));
    const first = dataOf(await w.call(users, 'wx-new', 'bind', { code }));
    expect(dataOf(await w.call(users, 'wx-new', 'bind', { code }))).toEqual(first);
    expect(await w.call(users, 'villagerA', 'bind', { code })).toMatchObject({ ok: false, error: { code: 'USER.ALREADY_BOUND' } });
  });
});

describe('resetting a binding', () => {
  it('lets the cadre free a villager of the village, who then binds again with a new code', async () => {
    expect(dataOf(await w.call(users, 'cadreA', 'resetBinding', { memberId: 'm-va' }))).toEqual({ memberName: '王秀兰' });
    expect((await w.store.collection('members').get('m-va'))?.openid).toBeNull();
    expect(await w.store.collection('users').get(openidOf('villagerA'))).toBeNull();
    expect(dataOf(await w.call(users, 'villagerA', 'whoami', {}))).toEqual({ bound: false });
    const code = codeOf(await issue('cadreA', 'm-va'));
    expect(dataOf(await w.call(users, 'wx-new-phone', 'bind', { code }))).toMatchObject({ memberId: 'm-va' });
  });

  it("refuses people outside the caller's reach, unbound people, oneself, and villagers and helpers as callers", async () => {
    expect(await w.call(users, 'cadreB', 'resetBinding', { memberId: 'm-va' })).toMatchObject({
      ok: false,
      error: { code: 'MEMBER.OUT_OF_SCOPE' },
    });
    expect(await w.call(users, 'cadreA', 'resetBinding', { memberId: 'm-cb' })).toMatchObject({
      ok: false,
      error: { code: 'MEMBER.OUT_OF_SCOPE' },
    });
    expect(await w.call(users, 'office', 'resetBinding', { memberId: 'm-of' })).toMatchObject({
      ok: false,
      error: { code: 'MEMBER.OUT_OF_SCOPE' },
    });
    expect(await w.call(users, 'cadreA', 'resetBinding', { memberId: 'm-ua' })).toMatchObject({
      ok: false,
      error: { code: 'MEMBER.NOT_BOUND' },
    });
    expect(await w.call(users, 'cadreA', 'resetBinding', { memberId: 'm-gone' })).toMatchObject({
      ok: false,
      error: { code: 'MEMBER.NOT_FOUND' },
    });
    for (const who of ['villagerA', 'helperA'] as const) {
      expect(await w.call(users, who, 'resetBinding', { memberId: 'm-va' })).toMatchObject({
        ok: false,
        error: { code: 'COMMON.FORBIDDEN' },
      });
    }
    expect((await w.store.collection('members').get('m-va'))?.openid).toBe(openidOf('villagerA'));
    expect(dataOf(await w.call(users, 'office', 'resetBinding', { memberId: 'm-cb' }))).toEqual({ memberName: '孙立军' });
  });
});

describe('issuing an invite again with the same request id', () => {
  const requestId = '0b7d3f0e-7c1a-4b8e-9a55-1d2c3b4a5f60';

  it('answers the first code instead of making a second, and makes a new one for a new request', async () => {
    const first = dataOf(await w.call(users, 'cadreA', 'issueInvite', { memberId: 'm-ua', requestId }));
    expect(dataOf(await w.call(users, 'cadreA', 'issueInvite', { memberId: 'm-ua', requestId }))).toEqual(first);
    expect(await w.store.collection('invites').count({ issuedBy: 'm-ca', usedAt: null })).toBe(1);
    const next = dataOf(
      await w.call(users, 'cadreA', 'issueInvite', { memberId: 'm-ua', requestId: '0b7d3f0e-7c1a-4b8e-9a55-1d2c3b4a5f61' }),
    );
    expect(next.code).not.toBe(first.code);
  });

  it('refuses the same request id sent for another person, and changes nothing', async () => {
    dataOf(await w.call(users, 'cadreA', 'issueInvite', { memberId: 'm-ua', requestId }));
    await w.store.collection('members').updateIf('m-va2', {}, { openid: null });
    expect(await w.call(users, 'cadreA', 'issueInvite', { memberId: 'm-va2', requestId })).toMatchObject({
      ok: false,
      error: { code: 'COMMON.INVALID_INPUT' },
    });
    expect(await w.store.collection('invites').count({ issuedBy: 'm-ca', usedAt: null })).toBe(1);
  });

  it("never answers another issuer's invite to someone who reuses their request id", async () => {
    const theirs = dataOf(await w.call(users, 'cadreA', 'issueInvite', { memberId: 'm-ua', requestId }));
    const mine = dataOf(await w.call(users, 'office', 'issueInvite', { memberId: 'm-ua', requestId }));
    expect(mine.code).not.toBe(theirs.code);
  });

  it('keeps codes random: two requests for the same person never share a code, nor follow from the request id', async () => {
    const codes = new Set<string>();
    for (const id of [
      '0b7d3f0e-7c1a-4b8e-9a55-1d2c3b4a5f60',
      '0b7d3f0e-7c1a-4b8e-9a55-1d2c3b4a5f61',
      '0b7d3f0e-7c1a-4b8e-9a55-1d2c3b4a5f62',
    ]) {
      codes.add(dataOf(await w.call(users, 'cadreA', 'issueInvite', { memberId: 'm-ua', requestId: id })).code);
    }
    expect(codes.size).toBe(3);
    // The world's id source draws codes in a fixed sequence: another request id gets the same first code.
    const fresh = await makeWorld();
    const other = '0b7d3f0e-7c1a-4b8e-9a55-1d2c3b4a5f99';
    expect(dataOf(await fresh.call(users, 'cadreA', 'issueInvite', { memberId: 'm-ua', requestId: other })).code).toBe([...codes][0]);
  });
});
