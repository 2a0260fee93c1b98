import { z } from 'zod';
import { defineAction, defineFunction } from '../../../types';
import { makeWorld, type World } from '../../../test/support/world';
import tcb from '@cloudbase/node-sdk';
import { productionDeps, readFunctionEnv, toCloudbaseMain } from './cloudbase';
import { defineHandler } from './define';

// node-sdk's getCloudbaseContext reads `context.environment`; this double hands it back, or fails like the SDK on a bad context.
jest.mock('@cloudbase/node-sdk', () => ({
  __esModule: true,
  default: {
    getCloudbaseContext: (context: { env?: Record<string, string> }) => {
      if (!context?.env) throw Object.assign(new Error('context 必须为对象类型'), { code: 'INVALID_CONTEXT' });
      return context.env;
    },
    init: jest.fn(),
    SYMBOL_CURRENT_ENV: Symbol('current'),
  },
}));

const contract = defineFunction({
  name: 'probe',
  actions: {
    me: defineAction({ input: z.object({}).passthrough(), output: z.object({ openid: z.string() }), errors: [], access: 'anyone' }),
  },
  timers: [
    { name: 'tick', cron: '0 0 8 * * * *' },
    { name: 'tock', cron: '0 0 20 * * * *' },
  ],
});
let runs: string[] = [];
const probe = defineHandler(
  contract,
  { me: async (_i, { openid }) => ({ openid }) },
  {
    tick: async () => (runs.push('tick'), { ran: runs.length }),
    tock: async () => (runs.push('tock'), { ran: runs.length }),
  },
);

let w: World;
beforeEach(async () => {
  w = await makeWorld();
  runs = [];
});

const timerEvent = (name: string) => ({ Type: 'Timer', TriggerName: name, Time: '2026-11-24T00:00:00Z' });

describe('toCloudbaseMain', () => {
  it('takes the caller from WX_OPENID in the platform context, never from the event', async () => {
    const main = toCloudbaseMain(probe, () => w.deps);
    const res = await main({ action: 'me', input: { openid: 'forged' }, openid: 'forged' }, { env: { WX_OPENID: 'wx-real' } });
    expect(res).toEqual({ ok: true, data: { openid: 'wx-real' } });
  });

  it('answers UNAUTHENTICATED when the platform gives no openid', async () => {
    const main = toCloudbaseMain(probe, () => w.deps);
    expect(await main({ action: 'me' }, { env: {} })).toMatchObject({ ok: false, error: { code: 'COMMON.UNAUTHENTICATED' } });
  });

  it('runs the timer the event names only when the platform says a timer fired', async () => {
    const main = toCloudbaseMain(probe, () => w.deps);
    const forged = await main(timerEvent('tock'), { env: { WX_OPENID: 'wx-x' } });
    expect(forged).toMatchObject({ ok: false, error: { code: 'COMMON.BAD_REQUEST' } });
    expect(runs).toEqual([]);
    expect(await main(timerEvent('tock'), { env: { TRIGGER_SRC: 'timer' } })).toEqual({ ok: true, data: { ran: 1 } });
    expect(await main(timerEvent('tick'), { env: { TRIGGER_SRC: 'timer' } })).toEqual({ ok: true, data: { ran: 2 } });
    expect(runs).toEqual(['tock', 'tick']);
    expect(await main(timerEvent('nope'), { env: { TRIGGER_SRC: 'timer' } })).toMatchObject({
      ok: false,
      error: { code: 'COMMON.UNKNOWN_ACTION' },
    });
    expect(await main({}, { env: { TRIGGER_SRC: 'timer' } })).toMatchObject({ ok: false, error: { code: 'COMMON.UNKNOWN_ACTION' } });
  });

  it('hands the handler the TriggerName only when TRIGGER_SRC says a timer fired', async () => {
    const invoke = jest.fn().mockResolvedValue({ ok: true, data: null });
    const main = toCloudbaseMain({ contract, invoke }, () => w.deps);
    await main(timerEvent('tock'), { env: { WX_OPENID: 'wx-x' } });
    await main(timerEvent('tock'), { env: { TRIGGER_SRC: 'timer' } });
    expect(invoke.mock.calls.map((c: unknown[]) => c[1])).toEqual([
      { openid: 'wx-x', source: 'client' },
      { openid: null, source: 'timer', trigger: 'tock' },
    ]);
  });

  it('answers COMMON.INTERNAL, and logs, when building the dependencies fails', async () => {
    const errors: unknown[] = [];
    const spy = jest.spyOn(console, 'error').mockImplementation((_m, e) => void errors.push(e));
    const main = toCloudbaseMain(probe, () => readFunctionEnv({ SUBSCRIBE_MINIPROGRAM_STATE: 'beta' }) as never);
    expect(await main({ action: 'me' }, { env: { WX_OPENID: 'wx-1' } })).toMatchObject({ ok: false, error: { code: 'COMMON.INTERNAL' } });
    expect(errors).toHaveLength(1);
    spy.mockRestore();
  });

  it('answers COMMON.INTERNAL when the SDK cannot read the platform context', async () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const main = toCloudbaseMain(probe, () => w.deps);
    expect(await main({ action: 'me' }, undefined)).toMatchObject({ ok: false, error: { code: 'COMMON.INTERNAL' } });
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
  });
});

describe('the production dependencies', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('are built once per warm container, and built again on the next call after a failure', () => {
    const init = tcb.init as unknown as jest.Mock;
    init.mockReturnValue({ database: () => ({ command: {}, collection: jest.fn() }), callCompatibleWxOpenApi: jest.fn() });
    process.env.SUBSCRIBE_MINIPROGRAM_STATE = 'beta';
    expect(() => productionDeps()).toThrow();
    process.env.SUBSCRIBE_MINIPROGRAM_STATE = '';
    process.env.SUBSCRIBE_TEMPLATE_ID = '';
    const first = productionDeps();
    expect(productionDeps()).toBe(first);
    expect(init).toHaveBeenCalledTimes(1);
    expect(init).toHaveBeenCalledWith({ env: tcb.SYMBOL_CURRENT_ENV });
  });
});

describe('the function environment', () => {
  it('reads an empty or blank SUBSCRIBE_TEMPLATE_ID, as the CLI renders an unset {{env.X}}, as unset', () => {
    expect(readFunctionEnv({ SUBSCRIBE_TEMPLATE_ID: '', SUBSCRIBE_MINIPROGRAM_STATE: '', WXACODE_ENV_VERSION: '' })).toEqual({
      SUBSCRIBE_TEMPLATE_ID: undefined,
      SUBSCRIBE_MINIPROGRAM_STATE: 'formal',
      WXACODE_ENV_VERSION: 'release',
    });
    expect(readFunctionEnv({ SUBSCRIBE_TEMPLATE_ID: '  ' }).SUBSCRIBE_TEMPLATE_ID).toBeUndefined();
    expect(readFunctionEnv({}).SUBSCRIBE_TEMPLATE_ID).toBeUndefined();
  });

  it('keeps a template id that is set, and refuses an unknown mini-program state', () => {
    expect(readFunctionEnv({ SUBSCRIBE_TEMPLATE_ID: 'TPL-1', SUBSCRIBE_MINIPROGRAM_STATE: 'trial' })).toEqual({
      SUBSCRIBE_TEMPLATE_ID: 'TPL-1',
      SUBSCRIBE_MINIPROGRAM_STATE: 'trial',
      WXACODE_ENV_VERSION: 'release',
    });
    expect(() => readFunctionEnv({ SUBSCRIBE_MINIPROGRAM_STATE: 'beta' })).toThrow();
  });

  it("reads which version an invite's 小程序码 opens, and refuses one WeChat does not know", () => {
    expect(readFunctionEnv({ WXACODE_ENV_VERSION: 'trial' }).WXACODE_ENV_VERSION).toBe('trial');
    expect(() => readFunctionEnv({ WXACODE_ENV_VERSION: 'formal' })).toThrow();
  });
});
