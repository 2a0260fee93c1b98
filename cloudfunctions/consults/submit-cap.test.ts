import { randomUUID } from 'node:crypto';
import { consultRules } from '../../types';
import { dataOf } from '../../test/support/world';
import { makeConsultWorld, type ConsultWorld } from '../../test/support/consult-world';
import { withLatency } from '../../local/latency-store';
import { counterId } from '../core/counters';
import { openConsultsKey } from './submit';

let w: ConsultWorld;
beforeEach(async () => {
  w = await makeConsultWorld();
});

const codeOf = (res: { ok: boolean; error?: { code: string } }) => (res.ok ? 'ok' : res.error!.code);
const stored = () => w.store.collection('consults').count({});
const ask = { type: 'medical', text: '老伴要去县医院看病，想请干部帮忙挂号', consent: true } as const;

describe('the household’s cap on open requests', () => {
  const fill = async (n: number) => {
    const ids: string[] = [];
    for (let i = 0; i < n; i++)
      ids.push(dataOf(await w.consult(i % 2 ? 'neighbourA' : 'villagerA', 'submit', { ...ask, text: `第 ${i} 件要办的事情` })).id);
    return ids;
  };

  it(`allows ${consultRules.maxOpenPerHousehold} not closed, counting every member and the cadre’s entries`, async () => {
    await fill(consultRules.maxOpenPerHousehold - 1);
    dataOf(await w.consult('cadreA', 'submit', { ...ask, householdId: 'h-a1' }));
    const over = await w.consult('villagerA', 'submit', ask);
    expect(over).toEqual({ ok: false, error: { code: 'CONSULT.TOO_MANY_OPEN', message: '您家还有好几件事在办，请等办完了再提新的' } });
    expect(await stored()).toBe(consultRules.maxOpenPerHousehold);
    // Another household is not held back.
    dataOf(await w.consult('villagerB', 'submit', ask));
  });

  it('frees a place when a request is closed', async () => {
    const [first] = await fill(consultRules.maxOpenPerHousehold);
    dataOf(await w.consult('cadreA', 'accept', { id: first }));
    dataOf(await w.consult('cadreA', 'resolve', { id: first, note: '已经办好了' }));
    expect(codeOf(await w.consult('villagerA', 'submit', ask))).toBe('CONSULT.TOO_MANY_OPEN');
    dataOf(await w.consult('villagerA', 'confirm', { id: first, solved: true }));
    dataOf(await w.consult('villagerA', 'submit', ask));
  });

  it('counts what is stored when the household has no counter yet', async () => {
    await fill(consultRules.maxOpenPerHousehold);
    await w.store.collection('counters').remove(counterId(openConsultsKey('h-a1')));
    expect(codeOf(await w.consult('villagerA', 'submit', ask))).toBe('CONSULT.TOO_MANY_OPEN');
  });

  it('counts what is stored without a counter: resolved ones still hold a place, closed ones do not', async () => {
    const [resolved, closed] = await fill(consultRules.maxOpenPerHousehold);
    for (const id of [resolved, closed]) {
      dataOf(await w.consult('cadreA', 'accept', { id }));
      dataOf(await w.consult('cadreA', 'resolve', { id, note: '已经办好了' }));
    }
    dataOf(await w.consult('villagerA', 'confirm', { id: closed, solved: true }));
    await w.store.collection('counters').remove(counterId(openConsultsKey('h-a1')));
    dataOf(await w.consult('villagerA', 'submit', ask));
    expect(codeOf(await w.consult('villagerA', 'submit', ask))).toBe('CONSULT.TOO_MANY_OPEN');
  });

  it('holds when many submits of one household arrive at once, however slow the store', async () => {
    w.deps.store = withLatency(w.store, 3);
    const answers = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        w.consult(i % 2 ? 'villagerA' : 'neighbourA', 'submit', { ...ask, text: `同时提交的第 ${i} 件事` }),
      ),
    );
    const accepted = answers.filter((a) => a.ok).length;
    // Writers that kept colliding may be told to try again (COMMON.BUSY); none gets past the cap.
    expect(accepted).toBeGreaterThan(0);
    expect(accepted).toBeLessThanOrEqual(consultRules.maxOpenPerHousehold);
    for (const a of answers) if (!a.ok) expect(['CONSULT.TOO_MANY_OPEN', 'COMMON.BUSY']).toContain(a.error.code);
    expect(await w.store.collection('consults').count({ householdId: 'h-a1' })).toBe(accepted);
    expect((await w.store.collection('counters').get(counterId(openConsultsKey('h-a1'))))!.count).toBe(accepted);
    // Once the dust settles, the household fills up to the cap and no further.
    for (let i = accepted; i < consultRules.maxOpenPerHousehold; i++)
      dataOf(await w.consult('villagerA', 'submit', { ...ask, text: `后来的第 ${i} 件事` }));
    expect(codeOf(await w.consult('villagerA', 'submit', ask))).toBe('CONSULT.TOO_MANY_OPEN');
  });
});

describe('a retried submit', () => {
  it('answers the first result when sent again with the same request id, and tells the cadres once', async () => {
    const requestId = randomUUID();
    const first = dataOf(await w.consult('villagerA', 'submit', { ...ask, requestId }));
    w.clock.set('2026-11-24T02:05:00.000Z');
    const again = dataOf(await w.consult('villagerA', 'submit', { ...ask, requestId }));
    expect(again).toEqual(first);
    expect(await stored()).toBe(1);
    expect(await w.inboxOf('m-ca')).toEqual(['有新的求助']);
  });

  it('makes one request when the same request arrives several times at once', async () => {
    w.deps.store = withLatency(w.store, 3);
    const requestId = randomUUID();
    const answers = await Promise.all(Array.from({ length: 4 }, () => w.consult('villagerA', 'submit', { ...ask, requestId })));
    const ids = new Set(answers.filter((a) => a.ok).map((a) => dataOf(a).id));
    expect(ids.size).toBe(1);
    expect(await stored()).toBe(1);
    expect((await w.store.collection('counters').get(counterId(openConsultsKey('h-a1'))))!.count).toBe(1);
  });

  it('gives another member with the same request id a request of their own', async () => {
    const requestId = randomUUID();
    const mine = dataOf(await w.consult('villagerA', 'submit', { ...ask, requestId }));
    const theirs = dataOf(await w.consult('villagerB', 'submit', { ...ask, requestId }));
    expect(theirs.id).not.toBe(mine.id);
  });
});
