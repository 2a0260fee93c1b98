import { randomUUID } from 'node:crypto';
import { dataOf } from '../../test/support/world';
import { makeConsultWorld, type ConsultWorld } from '../../test/support/consult-world';
import { withLatency } from '../../local/latency-store';
import { CONSULT_THREAD_MAX } from '../core/domain/consult';

let w: ConsultWorld;
let id = '';
beforeEach(async () => {
  w = await makeConsultWorld();
  id = await w.submitted();
});

const codeOf = (res: { ok: boolean; error?: { code: string } }) => (res.ok ? 'ok' : res.error!.code);
const record = () => w.store.collection('consults').get(id);

describe('a reply', () => {
  it('sent twice at once with one request id is added once', async () => {
    w.deps.store = withLatency(w.store, 3);
    const requestId = randomUUID();
    const both = await Promise.all([1, 2].map(() => w.consult('villagerA', 'reply', { id, text: '补充一下情况', requestId })));
    expect(both.map(codeOf)).toEqual(['ok', 'ok']);
    expect((await record())!.thread).toHaveLength(1);
  });

  it('retried with its request id is answered from the thread, without sending the text to the content check again', async () => {
    const checked: string[] = [];
    const content = w.deps.content;
    w.deps.content = { check: (text, openid) => (checked.push(text), content.check(text, openid)) };
    const requestId = randomUUID();
    dataOf(await w.consult('villagerA', 'reply', { id, text: '补充一下情况', requestId }));
    expect(dataOf(await w.consult('villagerA', 'reply', { id, text: '补充一下情况', requestId })).thread).toHaveLength(1);
    expect(checked).toEqual(['补充一下情况']);
  });

  it('that the rules refuse never reaches the content check', async () => {
    const checked: string[] = [];
    const content = w.deps.content;
    w.deps.content = { check: (text, openid) => (checked.push(text), content.check(text, openid)) };
    expect(codeOf(await w.consult('cadreA', 'reply', { id, text: '收到，马上办' }))).toBe('COMMON.FORBIDDEN');
    expect(codeOf(await w.consult('cadreA', 'resolve', { id, note: '办好了' }))).toBe('CONSULT.BAD_TRANSITION');
    expect(checked).toEqual([]);
  });
});

describe('a full thread', () => {
  const fillThread = (n: number) =>
    w.store.collection('consults').updateIf(
      id,
      {},
      {
        thread: Array.from({ length: n }, (_, i) => ({
          id: `m${i}`,
          at: '2026-11-24T02:00:00.000Z',
          authorId: 'm-va',
          fromHousehold: true,
          text: `第 ${i} 条`,
        })),
      },
    );

  it(`takes ${CONSULT_THREAD_MAX} messages, then no reply: the page offers none and a reply is CONSULT.BAD_TRANSITION`, async () => {
    await fillThread(CONSULT_THREAD_MAX - 1);
    expect(dataOf(await w.consult('villagerA', 'reply', { id, text: '最后补充一句' })).can.reply).toBe(false);
    expect(codeOf(await w.consult('villagerA', 'reply', { id, text: '再补充一句' }))).toBe('CONSULT.BAD_TRANSITION');
    expect((await record())!.thread).toHaveLength(CONSULT_THREAD_MAX);
  });

  it('holds when the last places are taken by replies sent at once', async () => {
    await fillThread(CONSULT_THREAD_MAX - 1);
    w.deps.store = withLatency(w.store, 3);
    const answers = await Promise.all(['我家补充一句', '我也补充一句'].map((text) => w.consult('villagerA', 'reply', { id, text })));
    expect(answers.map(codeOf).sort()).toEqual(['CONSULT.BAD_TRANSITION', 'ok']);
    expect((await record())!.thread).toHaveLength(CONSULT_THREAD_MAX);
  });

  it('still lets the household answer 没解决 with its reason', async () => {
    dataOf(await w.consult('cadreA', 'accept', { id }));
    dataOf(await w.consult('cadreA', 'resolve', { id, note: '办好了' }));
    await fillThread(CONSULT_THREAD_MAX);
    expect(dataOf(await w.consult('villagerA', 'confirm', { id, solved: false, reason: '表格还没交上去' })).status).toBe('in_progress');
  });
});

describe('a request a cadre entered for the household', () => {
  let entered = '';
  beforeEach(async () => {
    entered = dataOf(
      await w.consult('cadreA2', 'submit', { type: 'letter', text: '替王大爷给在外打工的儿子写封信', consent: true, householdId: 'h-a1' }),
    ).id;
  });
  const newTitles = async (memberId: string, from: number) => (await w.inboxOf(memberId)).slice(from);

  it('lets that cadre speak for the household in the thread, and tells the handlers, not the household', async () => {
    const before = (await w.inboxOf('m-va')).length;
    w.clock.set('2026-11-24T03:00:00.000Z');
    const detail = dataOf(await w.consult('cadreA2', 'reply', { id: entered, text: '王大爷说信里要写上地址' }));
    expect(detail.thread).toEqual([expect.objectContaining({ fromHousehold: true, authorName: expect.stringContaining('钱晓燕') })]);
    expect(await newTitles('m-va', before)).toEqual([]);
    expect((await w.inboxOf('m-ca')).at(-1)).toBe('求助有新留言');
  });

  it('tells that cadre, beside the household, of the handler’s reply and of 问题解决了吗？', async () => {
    dataOf(await w.consult('cadreA', 'accept', { id: entered }));
    const before = (await w.inboxOf('m-ca2')).length;
    w.clock.set('2026-11-24T03:00:00.000Z');
    dataOf(await w.consult('cadreA', 'reply', { id: entered, text: '信写好了，您看看' }));
    w.clock.set('2026-11-24T04:00:00.000Z');
    dataOf(await w.consult('cadreA', 'resolve', { id: entered, note: '信已寄出' }));
    expect(await newTitles('m-ca2', before)).toEqual(['干部回复了您的求助', '问题解决了吗？']);
    expect((await w.inboxOf('m-va')).slice(-2)).toEqual(['干部回复了您的求助', '问题解决了吗？']);
  });
});
