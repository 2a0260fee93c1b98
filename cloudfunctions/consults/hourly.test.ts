import { consultRules } from '../../types';
import { dataOf } from '../../test/support/world';
import { consults, makeConsultWorld, type ConsultWorld } from '../../test/support/consult-world';
import { withLatency } from '../../local/latency-store';
import { counterId } from '../core/counters';
import { openConsultsKey } from './submit';

let w: ConsultWorld;
let id = '';
beforeEach(async () => {
  w = await makeConsultWorld();
  // 代填表格, submitted 2026-11-24T02:00Z: a first answer by 11-25 02:00, resolved by 11-27 02:00.
  id = await w.submitted();
});

const fire = async () => dataOf(await w.fireTimer(consults, 'hourly'));
const record = () => w.store.collection('consults').get(id);
const titles = async (memberId: string) => (await w.inboxOf(memberId)).filter((t) => t !== '有新的求助');

describe('the hourly timer', () => {
  it('does nothing before a deadline', async () => {
    w.clock.set('2026-11-25T02:00:00.000Z');
    expect(await fire()).toEqual({ overdue: 0, escalated: 0, closed: 0 });
    expect(await titles('m-ca')).toEqual([]);
  });

  it('past the first-answer deadline: tells the village’s cadres and the township office once, however often it runs', async () => {
    w.clock.set('2026-11-25T03:00:00.000Z');
    expect(await fire()).toEqual({ overdue: 1, escalated: 1, closed: 0 });
    expect(await titles('m-ca')).toEqual(['求助超时未受理']);
    expect(await titles('m-ca2')).toEqual(['求助超时未受理']);
    expect(await titles('m-of')).toEqual(['求助逾期，请督办']);
    expect(await titles('m-oc')).toEqual([]);
    expect(await record()).toMatchObject({
      escalatedAt: '2026-11-25T03:00:00.000Z',
      overdueNotifiedFor: '2026-11-25T02:00:00.000Z',
      raised: true,
    });
    w.clock.set('2026-11-25T04:00:00.000Z');
    expect(await fire()).toEqual({ overdue: 0, escalated: 0, closed: 0 });
    expect(await titles('m-ca')).toEqual(['求助超时未受理']);
    expect(await titles('m-of')).toEqual(['求助逾期，请督办']);
    const detail = dataOf(await w.consult('office', 'get', { id }));
    expect(detail).toMatchObject({ overdue: true, escalated: true });
    expect(detail.history.at(-1)).toMatchObject({ by: '系统', action: 'escalate' });
    const queue = dataOf(await w.consult('office', 'assigned', {}));
    expect(queue).toMatchObject({ overdue: 1, items: [expect.objectContaining({ id, overdue: true })] });
  });

  it('lets the office it was escalated to hand it to another cadre, which it could not before', async () => {
    expect(dataOf(await w.consult('office', 'get', { id })).can.assign).toBe(false);
    w.clock.set('2026-11-25T03:00:00.000Z');
    await fire();
    expect(dataOf(await w.consult('office', 'get', { id })).can.assign).toBe(true);
    const { items } = dataOf(await w.consult('office', 'assignees', { id }));
    expect(items.map((i: { memberId: string }) => i.memberId)).toContain('m-ca2');
    const handed = dataOf(await w.consult('office', 'assign', { id, toMemberId: 'm-ca2', note: '请钱晓燕今天就去' }));
    expect(handed.history.at(-1)).toMatchObject({ action: 'assign', note: '请钱晓燕今天就去' });
    expect(dataOf(await w.consult('cadreA2', 'accept', { id })).status).toBe('accepted');
  });

  it('tells the assignee again when the next deadline passes, but escalates only once', async () => {
    w.clock.set('2026-11-25T03:00:00.000Z');
    await fire();
    dataOf(await w.consult('cadreA', 'accept', { id }));
    w.clock.set('2026-11-27T03:00:00.000Z');
    expect(await fire()).toEqual({ overdue: 1, escalated: 0, closed: 0 });
    expect(await titles('m-ca')).toEqual(['求助超时未受理', '求助超时未办结']);
    expect(await titles('m-ca2')).toEqual(['求助超时未受理']);
    expect(await titles('m-of')).toEqual(['求助逾期，请督办']);
  });

  it('escalates to the county office where the township has none', async () => {
    await w.store.collection('members').remove('m-of');
    w.clock.set('2026-11-25T03:00:00.000Z');
    await fire();
    expect(await titles('m-oc')).toEqual(['求助逾期，请督办']);
    expect(dataOf(await w.consult('countyOffice', 'assigned', {})).items).toHaveLength(1);
  });

  it('closes a resolved request nobody answered after autoCloseDays, freeing its place', async () => {
    dataOf(await w.consult('cadreA', 'accept', { id }));
    w.clock.set('2026-11-24T05:00:00.000Z');
    dataOf(await w.consult('cadreA', 'resolve', { id, note: '表格已交' }));
    const due = new Date(Date.parse('2026-11-24T05:00:00.000Z') + consultRules.autoCloseDays * 86_400_000);
    w.clock.set(new Date(due.getTime() - 1).toISOString());
    expect((await fire()).closed).toBe(0);
    w.clock.set(due.toISOString());
    expect((await fire()).closed).toBe(1);
    expect(await record()).toMatchObject({ status: 'closed', closedAt: due.toISOString() });
    expect((await record())!.history.at(-1)).toMatchObject({ by: 'system', action: 'auto_close' });
    expect((await w.store.collection('counters').get(counterId(openConsultsKey('h-a1'))))!.count).toBe(0);
    expect((await titles('m-va')).at(-1)).toBe('求助已自动完成');
    expect((await fire()).closed).toBe(0);
  });

  it('leaves the same state and one notification each when two runs overlap', async () => {
    const others: string[] = [];
    for (let i = 0; i < 3; i++) {
      others.push(dataOf(await w.consult('villagerB', 'submit', { type: 'other', text: `柳溪村的第 ${i} 件事情`, consent: true })).id);
    }
    dataOf(await w.consult('cadreB', 'accept', { id: others[0] }));
    dataOf(await w.consult('cadreB', 'resolve', { id: others[0], note: '办好了' }));
    w.clock.set('2026-12-10T03:00:00.000Z');
    w.deps.store = withLatency(w.store, 3);
    const [one, two] = await Promise.all([fire(), fire()]);
    expect(one.overdue + two.overdue).toBe(3);
    expect(one.escalated + two.escalated).toBe(3);
    expect(one.closed + two.closed).toBe(1);
    expect(await titles('m-of')).toEqual(['求助逾期，请督办', '求助逾期，请督办', '求助逾期，请督办']);
    expect(await titles('m-ca')).toEqual(['求助超时未受理']);
    expect(await titles('m-cb')).toEqual(['求助超时未受理', '求助超时未受理']);
    for (const x of [id, ...others.slice(1)]) {
      expect((await w.store.collection('consults').get(x))!.history.filter((e) => e.action === 'escalate')).toHaveLength(1);
    }
    expect((await w.store.collection('consults').get(others[0]))!.history.filter((e) => e.action === 'auto_close')).toHaveLength(1);
    expect(await fire()).toEqual({ overdue: 0, escalated: 0, closed: 0 });
  });

  it('pages over more than a hundred overdue requests', async () => {
    const households = w.store.collection('households');
    const base = (await households.get('h-a1'))!;
    const members = w.store.collection('members');
    const villager = (await members.get('m-va'))!;
    for (let i = 0; i < 60; i++) {
      await households.add({ ...base, _id: `h-extra-${i}` });
      await members.add({ ...villager, _id: `m-extra-${i}`, householdId: `h-extra-${i}`, openid: null });
      for (let j = 0; j < 2; j++) {
        dataOf(
          await w.consult('cadreA', 'submit', {
            type: 'forms',
            text: `第 ${i} 户的第 ${j} 件事`,
            consent: true,
            householdId: `h-extra-${i}`,
          }),
        );
      }
    }
    w.clock.set('2026-11-25T03:00:00.000Z');
    expect(await fire()).toEqual({ overdue: 121, escalated: 121, closed: 0 });
    expect(await w.store.collection('consults').count({ open: true, dueAt: { $lt: '2026-11-26T00:00:00.000Z' } })).toBe(121);
    expect(await fire()).toEqual({ overdue: 0, escalated: 0, closed: 0 });
  });
});
