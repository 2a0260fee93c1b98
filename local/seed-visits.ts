import type { VisitAnswers } from '../types';
import { tasksHandler } from '../cloudfunctions/tasks/handler';
import { visitsHandler } from '../cloudfunctions/visits/handler';
import { chinaDate } from '../cloudfunctions/core/domain/time';
import { shiftDay } from '../cloudfunctions/core/domain/visit-policy';
import { findAll } from '../cloudfunctions/core/paging';
import type { Store } from '../cloudfunctions/core/ports/store';
import { movableClock } from './clock';
import { localDeps } from './deps';

/** What a month of visits found, in the cadres' words, one after another. */
const findings: VisitAnswers[] = [
  { family: '老两口在家，儿子在县城打工', hardship: '老伴腰腿疼，下地吃力', needs: '想请人帮忙收玉米', intention: '想养十只羊' },
  { family: '一家四口，孩子上初中', hardship: '孩子住校开销大', needs: '了解助学政策', intention: '想去县里学电焊' },
  { family: '独居老人，身体还行', hardship: '冬天取暖煤不够', needs: '想要一车煤', intention: '种好两亩菜地' },
  { family: '夫妻俩在家种地', hardship: '去年玉米价格低', needs: '想找稳定的收购商', intention: '扩种辣椒' },
];

const counts = ['', '一', '两', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 家庭情况 as a cadre would note it, true to the household's size. */
function familyWords(size: number, i: number): string {
  if (size <= 1) return i % 2 ? '独居老人，身体还行' : '一个人住，子女在外地';
  if (size === 2) return i % 2 ? '老两口在家，儿子在县城打工' : '夫妻俩在家种地';
  return `一家${counts[Math.min(size, 10)]}口，${i % 2 ? '孩子上初中' : '老人身体不好'}`;
}

/**
 * A month of visit work behind the demo, made by the functions themselves on a clock set back: the
 * daily run on the first of last month, 杏花村's cadres visiting every household that was due (one
 * problem found and followed up), the helpers on WeChat theirs, 柳溪村's cadre leaving four households
 * unvisited (now overdue), 柳溪村 reporting a serious illness yesterday, and this morning's run. 杏花村's list is
 * left with this month's visits only, so a must-visit reported there shows on top of it.
 */
export async function seedVisitWork(store: Store, now: Date, openidOf: (memberId: string) => string): Promise<void> {
  const clock = movableClock();
  const quiet = { error: console.error, warn: () => undefined, info: () => undefined };
  const deps = { ...localDeps(store, clock), log: quiet };
  const at = (day: string, time = '10:00') => clock.set(new Date(`${day}T${time}:00+08:00`));
  const handlers = { tasks: tasksHandler, visits: visitsHandler };
  const call = async (memberId: string, fn: keyof typeof handlers, action: string, input: unknown) => {
    const res = await handlers[fn].invoke({ action, input }, { openid: openidOf(memberId), source: 'client' }, deps);
    if (!res.ok) throw new Error(`demo ${fn}.${action} by ${memberId}: ${res.error.code}`);
    return res.data as Record<string, unknown>;
  };
  const run = async () => {
    const res = await handlers.tasks.invoke({}, { openid: null, source: 'timer', trigger: 'daily' }, deps);
    if (!res.ok) throw new Error(`demo tasks timer: ${res.error.code}`);
  };

  const today = chinaDate(now);
  const lastMonth = shiftDay(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
  const day = (n: number) => `${lastMonth}-${String(n).padStart(2, '0')}`;
  at(day(1), '07:30');
  await run();

  const tasks = store.collection('tasks');
  const due = async (assignee: string) =>
    [...new Set((await findAll(tasks, { assignee, status: { $in: ['open', 'overdue'] } })).map((t) => t.householdId!))].sort();
  const households = store.collection('households');
  // The family's own size in the words, so the record book never says 一家四口 of a widow living alone.
  const visit = async (memberId: string, householdId: string, i: number, extra: object = {}) => {
    const size = (await households.get(householdId))?.size ?? 1;
    const answers = { ...findings[i % findings.length], family: familyWords(size, i) };
    return call(memberId, 'visits', 'log', { householdId, mode: 'in_person', answers, ...extra });
  };

  for (const [i, householdId] of (await due('village:v-xinghua')).entries()) {
    at(day(3 + i));
    const problems = i === 2 ? [{ text: '冬天取暖煤不够，联系乡里协调', ownerId: 'm-cadre-1' }] : undefined;
    const logged = await visit(i % 2 === 0 ? 'm-cadre-1' : 'm-cadre-2', householdId, i, problems ? { problems } : {});
    if (problems) {
      at(day(8 + i));
      await call('m-cadre-1', 'tasks', 'complete', { id: (logged.followUpIds as string[])[0], note: '乡里已经协调送去一车煤' });
    }
  }
  // The helpers on WeChat visited theirs; those not yet bound have logged nothing, and the office sees it.
  for (const helper of ['m-helper-1', 'm-helper-2', 'm-helper-5', 'm-helper-6']) {
    for (const [i, householdId] of (await due(helper)).entries()) {
      at(day(16 + i));
      await visit(helper, householdId, i + 1);
    }
  }
  for (const [i, householdId] of (await due('village:v-liuxi')).slice(4).entries()) {
    at(day(5 + i));
    await visit('m-cadre-3', householdId, i + 3);
  }

  clock.set(new Date(now.getTime() - 24 * 60 * 60 * 1000));
  await call('m-cadre-3', 'tasks', 'reportEvent', {
    householdId: 'h-liuxi-05',
    event: 'serious_illness',
    note: '户主突发脑梗住进县医院，家里只剩老人',
  });
  clock.set(now);
  await run();
}
