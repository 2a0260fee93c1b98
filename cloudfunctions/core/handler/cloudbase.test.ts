import { z } from 'zod';
import { defineAction, defineFunction } from '../../../types';
import { makeWorld, type World } from '../../../test/support/world';
import { toCloudbaseMain } from './cloudbase';
import { defineHandler } from './define';

jest.mock('@cloudbase/node-sdk', () => ({
  __esModule: true,
  default: {
    getCloudbaseContext: (context: { env: Record<string, string> }) => context.env,
    init: jest.fn(),
    SYMBOL_CURRENT_ENV: Symbol('current'),
  },
}));

const contract = defineFunction({
  name: 'probe',
  actions: {
    me: defineAction({ input: z.object({}).passthrough(), output: z.object({ openid: z.string() }), errors: [], access: 'anyone' }),
  },
  timer: { name: 'tick', cron: '0 0 8 * * * *' },
});
let timerRuns = 0;
const probe = defineHandler(contract, { me: async (_i, { openid }) => ({ openid }) }, async () => ({ ran: ++timerRuns }));

let w: World;
beforeEach(async () => {
  w = await makeWorld();
  timerRuns = 0;
});

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

  it('runs the timer only when the platform says a timer fired', async () => {
    const main = toCloudbaseMain(probe, () => w.deps);
    const forged = await main({ Type: 'Timer', TriggerName: 'tick', Time: '2026-11-24T00:00:00Z' }, { env: { WX_OPENID: 'wx-x' } });
    expect(forged).toMatchObject({ ok: false, error: { code: 'COMMON.BAD_REQUEST' } });
    expect(timerRuns).toBe(0);
    const real = await main({ Type: 'Timer', TriggerName: 'tick', Time: '2026-11-24T00:00:00Z' }, { env: { TRIGGER_SRC: 'timer' } });
    expect(real).toEqual({ ok: true, data: { ran: 1 } });
  });
});
