import { randomUUID } from 'node:crypto';
import { taskLink } from '../../types';
import { dataOf, type World } from '../../test/support/world';
import { as, makeVisitWorld } from '../../test/support/visit-world';
import { tasksHandler as tasks } from './handler';

let w: World;
beforeEach(async () => {
  w = await makeVisitWorld();
});

const codeOf = (res: { ok: boolean; error?: { code: string } }) => (res.ok ? 'ok' : res.error!.code);
const report = (who: Parameters<World['call']>[1], input: Record<string, unknown>) =>
  w.call(tasks, who, 'reportEvent', { event: 'serious_illness', note: '老人突发脑梗住院了', ...input });
const stored = async () => ({
  events: await w.store.collection('events').count({}),
  tasks: await w.store.collection('tasks').count({}),
  inbox: await w.store.collection('inbox').count({}),
});
const inboxOf = (memberId: string) => w.store.collection('inbox').find({ to: memberId });

describe('a villager reports an event of their own household (四必访)', () => {
  it("gives the village's cadres and the paired helper an urgent task due in 3 days, tells them at once, and says who will come", async () => {
    const answer = dataOf(await report('villagerA', {}));
    expect(answer).toEqual({
      eventId: expect.any(String),
      dueDate: '2026-11-27',
      visitors: [
        { name: '赵明远', role: 'cadre', title: '第一书记' },
        { name: '陈静', role: 'helper', title: null },
      ],
    });
    const made = await w.store.collection('tasks').find({ householdId: 'h-a1', status: 'open' });
    expect(made.map((t) => [t.assignee, t.kind, t.urgent, t.windowStart, t.dueDate, t.sourceId]).sort()).toEqual([
      ['m-ha', 'must_visit', true, '2026-11-24', '2026-11-27', answer.eventId],
      ['village:v-xinghua', 'must_visit', true, '2026-11-24', '2026-11-27', answer.eventId],
    ]);
    expect(made[0].title).toBe('重大疾病：老人突发脑梗住院了');
    expect(await w.store.collection('events').get(answer.eventId)).toMatchObject({
      kind: 'household',
      event: 'serious_illness',
      householdId: 'h-a1',
      reportedBy: 'm-va',
      villageId: 'v-xinghua',
    });
    const [toCadre] = await inboxOf('m-ca');
    expect(toCadre).toMatchObject({ title: '必访：重大疾病', link: expect.stringMatching(/^\/visit\/task\/index\?id=/) });
    expect(toCadre.body).toContain('王建国（三组 12 号）家重大疾病：老人突发脑梗住院了');
    expect(toCadre.body).toContain('2026-11-27');
    expect(await inboxOf('m-ha')).toHaveLength(1);
    // Nobody else hears of it: not the other village's cadre, not the unpaired helper, not the office.
    for (const other of ['m-cb', 'm-hb', 'm-of', 'm-va']) expect(await inboxOf(other)).toEqual([]);
  });

  it('links each one told to their own task: the cadres to the team’s, the helper to theirs', async () => {
    dataOf(await report('villagerA', {}));
    const made = await w.store.collection('tasks').find({ householdId: 'h-a1', kind: 'must_visit' });
    const idOf = (assignee: string) => made.find((t) => t.assignee === assignee)!._id;
    expect((await inboxOf('m-ca')).map((m) => m.link)).toEqual([taskLink(idOf('village:v-xinghua'))]);
    expect((await inboxOf('m-ha')).map((m) => m.link)).toEqual([taskLink(idOf('m-ha'))]);
  });

  it('answers a retry with the same request id with the same event, and stores and sends nothing twice', async () => {
    const requestId = randomUUID();
    const first = dataOf(await report('villagerA', { requestId }));
    const before = await stored();
    expect(dataOf(await report('villagerA', { requestId, note: '换了一句话再点一次' }))).toEqual(first);
    // What was stored is the answer, whatever the retry carries.
    expect(dataOf(await report('villagerA', { requestId, note: '有人拉我去赌博' }))).toEqual(first);
    expect(await stored()).toEqual(before);
    // Sent twice at once: one event, one set of tasks and messages.
    const again = randomUUID();
    const both = await Promise.all([report('villagerA', { requestId: again }), report('villagerA', { requestId: again })]);
    expect(dataOf(both[0]).eventId).toBe(dataOf(both[1]).eventId);
    expect(await stored()).toEqual({ events: 2, tasks: 4, inbox: 4 });
  });

  it('gives a request id someone else used nothing of theirs', async () => {
    const requestId = randomUUID();
    const mine = dataOf(await report('villagerA', { requestId }));
    const theirs = dataOf(await report('neighbourA', { requestId }));
    expect(theirs.eventId).not.toBe(mine.eventId);
  });

  it('reports only for their own household, and not at all when bound to none', async () => {
    expect(codeOf(await report('villagerA', { householdId: 'h-b1' }))).toBe('HOUSEHOLD.NOT_FOUND');
    expect(codeOf(await report('villagerB', { householdId: 'h-a1' }))).toBe('HOUSEHOLD.NOT_FOUND');
    expect(codeOf(await report(as('loneVillager'), {}))).toBe('TASK.NO_HOUSEHOLD');
    expect(dataOf(await report('villagerA', { householdId: 'h-a1' })).dueDate).toBe('2026-11-27');
  });

  it('refuses a risky note, an unknown event or a note too short, in Chinese, storing nothing', async () => {
    expect(await report('villagerA', { note: '有人拉我去赌博' })).toEqual({
      ok: false,
      error: { code: 'WISH.CONTENT_RISKY', message: '内容里有不适合发布的词句，请修改后再提交' },
    });
    expect(await report('villagerA', { event: 'birthday' })).toEqual({
      ok: false,
      error: { code: 'COMMON.INVALID_INPUT', message: '请选择家里发生了什么事' },
    });
    expect(await report('villagerA', { note: '病' })).toEqual({
      ok: false,
      error: { code: 'COMMON.INVALID_INPUT', message: '情况说明至少写 2 个字' },
    });
    expect(await stored()).toEqual({ events: 0, tasks: 0, inbox: 0 });
  });
});

describe('staff report for a household', () => {
  it('lets a helper report for a paired household and a cadre for one of the village, not telling the reporter', async () => {
    dataOf(await report('helperA', { householdId: 'h-a1', event: 'family_change', note: '家里房子塌了一间' }));
    expect(await inboxOf('m-ha')).toEqual([]);
    expect(await inboxOf('m-ca')).toHaveLength(1);
    dataOf(await report('cadreB', { householdId: 'h-b1', event: 'hardship' }));
    // 柳溪村's household has no paired helper: the cadre team alone.
    expect(await w.store.collection('tasks').count({ householdId: 'h-b1' })).toBe(1);
  });

  it("never reveals a household outside the caller's reach: not paired, another village, or none at all", async () => {
    expect(codeOf(await report(as('helperB'), { householdId: 'h-a1' }))).toBe('HOUSEHOLD.NOT_FOUND');
    expect(codeOf(await report('cadreB', { householdId: 'h-a1' }))).toBe('HOUSEHOLD.NOT_FOUND');
    expect(codeOf(await report('cadreA', { householdId: 'h-nobody' }))).toBe('HOUSEHOLD.NOT_FOUND');
    expect(codeOf(await report('helperA', {}))).toBe('COMMON.INVALID_INPUT');
    expect(codeOf(await report('office', { householdId: 'h-a1' }))).toBe('COMMON.FORBIDDEN');
    expect(await stored()).toEqual({ events: 0, tasks: 0, inbox: 0 });
  });
});

describe('caring for a cadre (五必访)', () => {
  const care = (who: Parameters<World['call']>[1], input: Record<string, unknown>) =>
    w.call(tasks, who, 'reportCadreEvent', { event: 'hospitalised', note: '胃出血住院一周', ...input });

  it("gives the township office of the cadre's village a task due in 7 days and tells it", async () => {
    const answer = dataOf(await care('cadreA', { memberId: 'm-ca' }));
    expect(answer).toEqual({ eventId: expect.any(String), dueDate: '2026-12-01' });
    const [task] = await w.store.collection('tasks').find({ assignee: 'township:t-shiqiao', status: 'open' });
    expect(task).toMatchObject({ kind: 'care', urgent: true, householdId: null, subjectMemberId: 'm-ca', dueDate: '2026-12-01' });
    const [note] = await inboxOf('m-of');
    expect(note).toMatchObject({ title: '关爱干部：生病住院' });
    expect(note.body).toContain('杏花村驻村干部赵明远生病住院：胃出血住院一周');
    // A retry stores nothing more.
    const requestId = randomUUID();
    dataOf(await care('office', { memberId: 'm-cb', requestId }));
    dataOf(await care('office', { memberId: 'm-cb', requestId }));
    expect(await w.store.collection('events').count({})).toBe(2);
    // The office reported it itself: it is not told.
    expect(await inboxOf('m-of')).toHaveLength(1);
  });

  it('goes to the county office where the township has none', async () => {
    dataOf(await care(as('countyOffice'), { memberId: 'm-cf', event: 'heavy_workload', note: '一个人管两个村' }));
    dataOf(await care(as('farCadre'), { memberId: 'm-cf', event: 'accident', note: '骑车摔伤了腿' }));
    expect(await inboxOf('m-of2')).toHaveLength(2);
    expect(await inboxOf('m-oc')).toEqual([]);
  });

  it('takes a cadre of the caller’s village or office area only, and only a cadre', async () => {
    expect(codeOf(await care('cadreA', { memberId: 'm-cb' }))).toBe('MEMBER.OUT_OF_SCOPE');
    expect(codeOf(await care(as('farOffice'), { memberId: 'm-ca' }))).toBe('MEMBER.OUT_OF_SCOPE');
    expect(codeOf(await care('cadreA', { memberId: 'm-ha' }))).toBe('MEMBER.NOT_FOUND');
    expect(codeOf(await care('office', { memberId: 'm-nobody' }))).toBe('MEMBER.NOT_FOUND');
    expect(codeOf(await care('helperA', { memberId: 'm-ca' }))).toBe('COMMON.FORBIDDEN');
    expect(codeOf(await care('villagerA', { memberId: 'm-ca' }))).toBe('COMMON.FORBIDDEN');
    expect(codeOf(await care('cadreA', { memberId: 'm-ca', note: '他在网赌' }))).toBe('WISH.CONTENT_RISKY');
    expect(await stored()).toEqual({ events: 0, tasks: 0, inbox: 0 });
  });
});
