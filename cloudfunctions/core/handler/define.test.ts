import { z } from 'zod';
import { defineAction, defineFunction } from '../../../types';
import { dataOf, makeWorld, type World } from '../../../test/support/world';
import { DomainError } from '../domain/errors';
import { StoreError } from '../ports/store';
import { defineHandler } from './define';

const contract = defineFunction({
  name: 'probe',
  actions: {
    echo: defineAction({
      input: z.object({ n: z.number({ invalid_type_error: '请填写数字' }) }).strict(),
      output: z.object({ n: z.number(), role: z.string() }),
      errors: [],
      access: ['villager', 'cadre'],
    }),
    open: defineAction({ input: z.object({}), output: z.object({ who: z.string().nullable() }), errors: [], access: 'anyone' }),
    boom: defineAction({ input: z.object({}), output: z.object({}), errors: [], access: 'anyone' }),
    refuse: defineAction({ input: z.object({}), output: z.object({}), errors: ['WISH.TOO_MANY_OPEN'], access: 'anyone' }),
    undeclared: defineAction({ input: z.object({}), output: z.object({}), errors: [], access: 'anyone' }),
    collide: defineAction({ input: z.object({}), output: z.object({}), errors: [], access: 'anyone' }),
  },
  timers: [
    { name: 'morning', cron: '0 0 8 * * * *' },
    { name: 'evening', cron: '0 0 20 * * * *' },
  ],
});
const timerRuns: string[] = [];

let ran = 0;
const probe = defineHandler(
  contract,
  {
    async echo({ n }, { caller }) {
      ran++;
      // The extra field must not reach the client: outputs are parsed with the contract.
      return { n, role: caller.role, phone: caller.phone } as { n: number; role: string };
    },
    async open(_i, { caller }) {
      return { who: caller?.name ?? null };
    },
    async boom() {
      throw new Error('secret database detail at /srv/app.js:42');
    },
    async refuse() {
      throw new DomainError('WISH.TOO_MANY_OPEN');
    },
    async undeclared() {
      throw new DomainError('INVITE.EXPIRED');
    },
    async collide() {
      throw new StoreError('CONFLICT', 'transaction conflicted 3 times');
    },
  },
  {
    morning: async () => (timerRuns.push('morning'), { ran: 1 }),
    evening: async () => (timerRuns.push('evening'), { ran: 1 }),
  },
);

let w: World;
beforeEach(async () => {
  w = await makeWorld();
  ran = 0;
  timerRuns.length = 0;
});

describe('defineHandler', () => {
  it('runs an action for an allowed role and strips fields the contract does not declare', async () => {
    expect(dataOf(await w.call(probe, 'villagerA', 'echo', { n: 7 }))).toEqual({ n: 7, role: 'villager' });
  });

  it.each([
    ['a body that is not an object', 'nonsense', 'COMMON.BAD_REQUEST'],
    ['a body without an action', { input: {} }, 'COMMON.BAD_REQUEST'],
    ['an unknown action', { action: 'drop' }, 'COMMON.UNKNOWN_ACTION'],
    ['an inherited property as action', { action: 'toString' }, 'COMMON.UNKNOWN_ACTION'],
  ])('answers %s with %s', async (_label, event, code) => {
    const res = await probe.invoke(event, { openid: 'wx-m-va', source: 'client' }, w.deps);
    expect(res).toEqual({ ok: false, error: { code, message: expect.any(String) } });
  });

  it("answers invalid input with the schema's Chinese message and does not run the action", async () => {
    expect(await w.call(probe, 'villagerA', 'echo', { n: 'seven' })).toEqual({
      ok: false,
      error: { code: 'COMMON.INVALID_INPUT', message: '请填写数字' },
    });
    expect(ran).toBe(0);
  });

  it('tells apart no identity, an unbound identity and a role without access', async () => {
    expect(await w.call(probe, null, 'echo', { n: 1 })).toMatchObject({ ok: false, error: { code: 'COMMON.UNAUTHENTICATED' } });
    expect(await w.call(probe, 'wx-stranger', 'echo', { n: 1 })).toMatchObject({ ok: false, error: { code: 'COMMON.NOT_BOUND' } });
    expect(await w.call(probe, 'helperA', 'echo', { n: 1 })).toMatchObject({ ok: false, error: { code: 'COMMON.FORBIDDEN' } });
    expect(ran).toBe(0);
  });

  it('lets anyone with an identity call an open action, bound or not', async () => {
    expect(dataOf(await w.call(probe, 'wx-stranger', 'open', {}))).toEqual({ who: null });
    expect(dataOf(await w.call(probe, 'cadreA', 'open', {}))).toEqual({ who: '赵明远' });
  });

  it("maps a rule's refusal to its stable code and Chinese message", async () => {
    expect(await w.call(probe, 'villagerA', 'refuse', {})).toEqual({
      ok: false,
      error: { code: 'WISH.TOO_MANY_OPEN', message: '您还有未完成的心愿，最多同时提交 3 个' },
    });
  });

  it('hides internal faults behind COMMON.INTERNAL and logs them', async () => {
    const res = await w.call(probe, 'villagerA', 'boom', {});
    expect(res).toEqual({ ok: false, error: { code: 'COMMON.INTERNAL', message: '系统繁忙，请稍后再试' } });
    expect(JSON.stringify(res)).not.toContain('secret');
    expect(w.errors).toHaveLength(1);
  });

  it('runs the timer the platform names, and refuses a trigger the contract does not declare', async () => {
    expect(dataOf(await probe.invoke({}, { openid: null, source: 'timer', trigger: 'evening' }, w.deps))).toEqual({ ran: 1 });
    expect(timerRuns).toEqual(['evening']);
    for (const trigger of [undefined, 'noon', 'constructor', '__proto__']) {
      const res = await probe.invoke({}, { openid: null, source: 'timer', trigger }, w.deps);
      expect(!res.ok && res.error.code).toBe('COMMON.UNKNOWN_ACTION');
    }
    expect(timerRuns).toEqual(['evening']);
  });

  it('refuses to build a handler whose timers and contract disagree', () => {
    expect(() => defineHandler(contract, {} as never, { morning: async () => ({}) })).toThrow('timer evening has no implementation');
    expect(() =>
      defineHandler(contract, {} as never, { morning: async () => ({}), evening: async () => ({}), noon: async () => ({}) }),
    ).toThrow('timer noon is not in the contract');
  });

  it('tells an unbound or forbidden caller nothing about the input schema', async () => {
    for (const who of ['wx-stranger', 'helperA']) {
      const res = await w.call(probe, who, 'echo', { n: 'seven', extra: true });
      expect(res.ok).toBe(false);
      expect(!res.ok && res.error.code).not.toBe('COMMON.INVALID_INPUT');
      expect(JSON.stringify(res)).not.toMatch(/n|extra|数字/);
    }
  });

  it('answers a refusal its contract does not declare as an internal fault, and logs it', async () => {
    expect(await w.call(probe, 'villagerA', 'undeclared', {})).toMatchObject({ ok: false, error: { code: 'COMMON.INTERNAL' } });
    expect(String(w.errors[0])).toContain('INVITE.EXPIRED');
  });

  it('asks the caller to try again when writers kept colliding, without logging an error', async () => {
    expect(await w.call(probe, 'villagerA', 'collide', {})).toEqual({
      ok: false,
      error: { code: 'COMMON.BUSY', message: '操作的人太多，请稍后再试' },
    });
    expect(w.errors).toHaveLength(0);
  });

  it('answers an internal fault while building its dependencies in the usual shape', async () => {
    const res = await probe.invoke({ action: 'open' }, { openid: 'wx-x', source: 'client' }, () => {
      throw new Error('SUBSCRIBE_TEMPLATE_ID: String must contain at least 1 character(s)');
    });
    expect(res).toEqual({ ok: false, error: { code: 'COMMON.INTERNAL', message: '系统繁忙，请稍后再试' } });
  });
});
