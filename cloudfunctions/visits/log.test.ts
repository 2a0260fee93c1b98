import { randomUUID } from 'node:crypto';
import type { LocalFileStore } from '../core/adapters/local-files';
import { taskLink } from '../../types';
import { withLatency } from '../../local/latency-store';
import { dataOf, type World } from '../../test/support/world';
import { as, makeVisitWorld } from '../../test/support/visit-world';
import { tasksHandler as tasks } from '../tasks/handler';
import { visitsHandler as visits } from './handler';

let w: World;
beforeEach(async () => {
  w = await makeVisitWorld();
  // The morning's run: 王建国's November visit for the cadre team, and the helper's for November–December.
  w.clock.set('2026-11-23T23:30:00.000Z');
  dataOf(await w.fireTimer(tasks));
  w.clock.set('2026-11-24T02:00:00.000Z');
});

type Who = Parameters<World['call']>[1];
const answers = { family: '老两口，儿子在外打工', hardship: '老伴腿疼走不了远路', needs: '想要一副拐杖', intention: '想养几只羊' };
const log = (who: Who, input: Record<string, unknown> = {}) =>
  w.call(visits, who, 'log', { householdId: 'h-a1', mode: 'in_person', answers, ...input });
const codeOf = (res: { ok: boolean; error?: { code: string } }) => (res.ok ? 'ok' : res.error!.code);
const openOf = (assignee: string) => w.store.collection('tasks').find({ assignee, status: { $in: ['open', 'overdue'] } });
const stored = async () => ({
  visits: await w.store.collection('visits').count({}),
  tasks: await w.store.collection('tasks').count({}),
  open: await w.store.collection('tasks').count({ countyId: 'c-qinghe', status: 'open' }),
});

describe('logging a visit (走访日志)', () => {
  it('tells a follow-up owner on a retry when the first attempt stopped after storing the visit', async () => {
    const input = { requestId: randomUUID(), problems: [{ text: '慢病证要去县医院办', ownerId: 'm-ha' }] };
    const told = async () => (await w.store.collection('inbox').find({ to: 'm-ha' })).filter((m) => m.title === '走访发现的问题请跟进');
    const notifier = w.deps.notifier;
    w.deps.notifier = {
      ...notifier,
      notify: () => Promise.reject(new Error('WeChat did not answer')),
    };
    expect(codeOf(await log('cadreA', input))).toBe('COMMON.INTERNAL');
    w.deps.notifier = notifier;
    expect(await told()).toEqual([]);
    const first = dataOf(await log('cadreA', input));
    expect(await told()).toHaveLength(1);
    expect(dataOf(await log('cadreA', input))).toEqual(first);
    expect(await told()).toHaveLength(1);
  });

  it("settles the cadre team's visits of the household it was made to, and nobody else's", async () => {
    dataOf(await w.call(tasks, 'villagerA', 'reportEvent', { event: 'serious_illness', note: '老人住院了' }));
    const teamTasks = (await openOf('village:v-xinghua')).map((t) => t._id);
    expect(teamTasks).toHaveLength(2);
    const answer = dataOf(await log('cadreA'));
    expect(answer).toEqual({ visitId: expect.any(String), resolvedTaskIds: expect.arrayContaining(teamTasks), followUpIds: [] });
    expect(answer.resolvedTaskIds).toHaveLength(2);
    expect(await openOf('village:v-xinghua')).toEqual([]);
    const done = (await w.store.collection('tasks').get(teamTasks[0]))!;
    expect(done).toMatchObject({ status: 'done', visitId: answer.visitId });
    expect(done.history.at(-1)).toMatchObject({ action: 'done', by: 'm-ca' });
    // The helper's own visit and must-visit are still theirs to make.
    expect(await openOf('m-ha')).toHaveLength(2);
    expect(await w.store.collection('visits').get(answer.visitId)).toMatchObject({
      householdId: 'h-a1',
      visitorId: 'm-ca',
      visitorRole: 'cadre',
      visitedOn: '2026-11-24',
      answers,
      resolvedTaskIds: answer.resolvedTaskIds,
    });
  });

  it("settles a helper's own task only, and a phone call only what a call may settle", async () => {
    expect(dataOf(await log('cadreA', { mode: 'phone' })).resolvedTaskIds).toEqual([]);
    const byHelper = dataOf(await log('helperA'));
    expect(byHelper.resolvedTaskIds).toHaveLength(1);
    expect(await openOf('m-ha')).toEqual([]);
    expect(await openOf('village:v-xinghua')).toHaveLength(1);
  });

  it('opens a follow-up per problem for its owner, by default the visitor a week on, and tells an owner who was not there', async () => {
    const answer = dataOf(
      await log('cadreA', {
        problems: [{ text: '拐杖还没有着落' }, { text: '慢病证要去县医院办', ownerId: 'm-ha', dueDate: '2026-12-10' }],
      }),
    );
    expect(answer.followUpIds).toHaveLength(2);
    const [mine, theirs] = await Promise.all(answer.followUpIds.map((id: string) => w.store.collection('tasks').get(id)));
    expect(mine).toMatchObject({
      kind: 'follow_up',
      assignee: 'm-ca',
      dueDate: '2026-12-01',
      title: '拐杖还没有着落',
      sourceId: answer.visitId,
    });
    expect(theirs).toMatchObject({ kind: 'follow_up', assignee: 'm-ha', dueDate: '2026-12-10' });
    const helperList = dataOf(await w.call(tasks, 'helperA', 'list', { tab: 'all' }));
    expect(helperList.items.map((t: { id: string }) => t.id)).toContain(theirs!._id);
    expect(await w.store.collection('inbox').find({ to: 'm-ha' })).toEqual([
      expect.objectContaining({
        title: '走访发现的问题请跟进',
        body: '王建国（三组 12 号）：慢病证要去县医院办。请在 2026-12-10 前办理。',
      }),
    ]);
    expect(await w.store.collection('inbox').count({ to: 'm-ca', title: '走访发现的问题请跟进' })).toBe(0);
  });

  it("takes an owner only among the village's cadres and the household's paired helpers", async () => {
    // 孙立军 of 柳溪村, a villager, the office, nobody, and 林海燕, a helper of 杏花村 not paired with this family.
    for (const ownerId of ['m-cb', 'm-va', 'm-of', 'm-nobody', 'm-hb']) {
      const res = await log('cadreA', { problems: [{ text: '需要跟进的问题', ownerId }] });
      expect({ ownerId, code: codeOf(res) }).toEqual({ ownerId, code: 'VISIT.BAD_OWNER' });
    }
    expect(codeOf(await log('cadreA', { problems: [{ text: '需要跟进的问题', ownerId: 'm-ha' }] }))).toBe('ok');
    expect(codeOf(await log('cadreA', { problems: [{ text: '需要跟进的问题', dueDate: '2026-11-20' }] }))).toBe('COMMON.INVALID_INPUT');
  });

  it("settles a helper's own visit by phone only for a family living away", async () => {
    expect(dataOf(await log('helperA', { mode: 'phone' })).resolvedTaskIds).toEqual([]);
    expect(await openOf('m-ha')).toHaveLength(1);
    await w.store.collection('households').updateIf('h-a1', {}, { livesAway: true });
    expect(dataOf(await log('helperA', { mode: 'phone' })).resolvedTaskIds).toHaveLength(1);
    expect(await openOf('m-ha')).toEqual([]);
  });

  it('takes a follow-up due no further than 60 days from today, as a reschedule may go', async () => {
    const before = await stored();
    expect(codeOf(await log('cadreA', { problems: [{ text: '需要跟进的问题', dueDate: '2027-01-24' }] }))).toBe('COMMON.INVALID_INPUT');
    expect(await stored()).toEqual(before);
    expect(codeOf(await log('cadreA', { problems: [{ text: '需要跟进的问题', dueDate: '2027-01-23' }] }))).toBe('ok');
  });

  it('tells an owner of two problems of one visit about each of them', async () => {
    const answer = dataOf(
      await log('cadreA', {
        problems: [
          { text: '慢病证要去县医院办', ownerId: 'm-ha' },
          { text: '低保材料还差一份', ownerId: 'm-ha' },
        ],
      }),
    );
    const told = await w.store.collection('inbox').find({ to: 'm-ha', title: '走访发现的问题请跟进' });
    expect(told.map((m) => m.link).sort()).toEqual(answer.followUpIds.map((id: string) => taskLink(id)).sort());
  });

  it('takes a visit day from 30 days back to today', async () => {
    const before = await stored();
    expect(await log('cadreA', { visitedOn: '2026-11-25' })).toEqual({
      ok: false,
      error: { code: 'VISIT.BAD_DATE', message: '走访日期不能晚于今天，也不能早于 30 天前' },
    });
    expect(codeOf(await log('cadreA', { visitedOn: '2026-10-24' }))).toBe('VISIT.BAD_DATE');
    expect(await stored()).toEqual(before);
    const late = dataOf(await log('cadreA', { visitedOn: '2026-10-25' }));
    // Written down late, it still settles a task whose window it fell in (November's did not open until 11-01).
    expect(late.resolvedTaskIds).toEqual([]);
    expect(dataOf(await log('cadreA', { visitedOn: '2026-11-02' })).resolvedTaskIds).toHaveLength(1);
  });

  it('refuses risky words in any answer or problem, and photos never uploaded, storing nothing', async () => {
    const before = await stored();
    expect(codeOf(await log('cadreA', { answers: { ...answers, needs: '想借钱去赌博' } }))).toBe('WISH.CONTENT_RISKY');
    expect(codeOf(await log('cadreA', { problems: [{ text: '有人在搞网赌' }] }))).toBe('WISH.CONTENT_RISKY');
    expect(codeOf(await log('cadreA', { photos: ['local://' + 'a'.repeat(64) + '.jpg'] }))).toBe('COMMON.INVALID_INPUT');
    const uploaded = await (w.deps.files as LocalFileStore).upload(new Uint8Array([4, 5, 6]), 'image/jpeg');
    // One photo never uploaded among real ones spoils the visit too.
    expect(codeOf(await log('cadreA', { photos: [uploaded, 'local://' + 'b'.repeat(64) + '.jpg'] }))).toBe('COMMON.INVALID_INPUT');
    expect(codeOf(await log('cadreA', { answers: { ...answers, family: '' } }))).toBe('COMMON.INVALID_INPUT');
    expect(await stored()).toEqual(before);
    const photo = await (w.deps.files as LocalFileStore).upload(new Uint8Array([1, 2, 3]), 'image/jpeg');
    const answer = dataOf(await log('cadreA', { photos: [photo, photo], location: { latitude: 36.1, longitude: 113.2 } }));
    expect(await w.store.collection('visits').get(answer.visitId)).toMatchObject({
      photos: [photo],
      location: { latitude: 36.1, longitude: 113.2 },
    });
  });

  it('answers a retry with the same request id with the first visit, also when both arrive at once', async () => {
    const requestId = randomUUID();
    const first = dataOf(await log('cadreA', { requestId, problems: [{ text: '拐杖还没有着落' }] }));
    const before = await stored();
    expect(dataOf(await log('cadreA', { requestId, problems: [{ text: '拐杖还没有着落' }] }))).toEqual(first);
    // What was stored is the answer, whatever the retry carries.
    expect(dataOf(await log('cadreA', { requestId, answers: { ...answers, needs: '想借钱去赌博' } }))).toEqual(first);
    expect(await stored()).toEqual(before);
    expect(codeOf(await w.call(visits, 'wx-m-ca', 'log', { householdId: 'h-a1', mode: 'in_person', answers, requestId }))).toBe('ok');

    const slow = { ...w.deps, store: withLatency(w.store, 1) };
    const again = randomUUID();
    const input = { householdId: 'h-a1', mode: 'in_person', answers, requestId: again, problems: [{ text: '房顶漏雨' }] };
    const both = await Promise.all(
      [1, 2].map(() => visits.invoke({ action: 'log', input }, { openid: 'wx-m-ha', source: 'client' }, slow)),
    );
    expect(dataOf(both[0])).toEqual(dataOf(both[1]));
    expect((await w.store.collection('visits').find({ householdId: 'h-a1' })).filter((v) => v.visitorId === 'm-ha')).toHaveLength(1);
    expect(await w.store.collection('tasks').count({ assignee: 'm-ha', kind: 'follow_up' })).toBe(1);
  });

  it("is for the household's own cadres and helpers: nobody else learns it exists", async () => {
    expect(codeOf(await log(as('helperB')))).toBe('HOUSEHOLD.NOT_FOUND');
    expect(codeOf(await log('cadreB'))).toBe('HOUSEHOLD.NOT_FOUND');
    expect(codeOf(await log('cadreA', { householdId: 'h-nobody' }))).toBe('HOUSEHOLD.NOT_FOUND');
    expect(codeOf(await log('office'))).toBe('COMMON.FORBIDDEN');
    expect(codeOf(await log('villagerA'))).toBe('COMMON.FORBIDDEN');
    expect(await w.store.collection('visits').count({})).toBe(0);
  });
});
