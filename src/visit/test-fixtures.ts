/** Tasks, households and visits as the functions answer them, for the visit pages' component tests. */
import type { HouseholdPage, Task, TaskDetail, Visit } from '../../types';
import { addDays, chinaToday } from '../services/format';

export const today = chinaToday();

export const task = (over: Partial<Task> = {}): Task => ({
  id: 't1',
  kind: 'routine',
  householdId: 'h1',
  householdLabel: '王秀兰 · 一组 1 号',
  villageName: '杏花村',
  status: 'open',
  windowStart: addDays(today, -10),
  dueDate: addDays(today, 5),
  urgent: false,
  title: '例行走访（2026年11月）',
  note: null,
  assignee: '本村驻村干部',
  escalated: false,
  ...over,
});

export const urgentTask = (over: Partial<Task> = {}): Task =>
  task({
    id: 't-urgent',
    kind: 'must_visit',
    urgent: true,
    title: '重大疾病：老伴住院了',
    windowStart: today,
    dueDate: addDays(today, 3),
    ...over,
  });

export const detail = (over: Partial<TaskDetail> = {}): TaskDetail => ({
  ...task(),
  history: [{ at: '2026-11-20T23:30:00.000Z', by: '系统', action: 'create', note: null }],
  ...over,
});

export const visit = (over: Partial<Visit> = {}): Visit => ({
  id: 'v1',
  visitedOn: addDays(today, -2),
  mode: 'in_person',
  visitor: '驻村干部 赵明远',
  answers: { family: '无变化', hardship: '看病有困难', needs: '需要医疗帮助', intention: '积极向上' },
  problems: [{ text: '老人腿疼，需要去县医院看', owner: '赵明远', dueDate: addDays(today, 5), followUpId: 'f1' }],
  photoUrls: [],
  createdAt: '2026-11-20T02:00:00.000Z',
  ...over,
});

export const householdPage = (over: Partial<HouseholdPage> = {}): HouseholdPage => ({
  household: {
    id: 'h1',
    headName: '王秀兰',
    address: '一组 1 号',
    villageName: '杏花村',
    category: 'lifted',
    livesAway: false,
    size: 3,
    phone: '100-0000-5101',
  },
  helpers: [
    { id: 'm-helper-1', name: '陈静', phone: '100-0000-9001' },
    { id: 'm-helper-5', name: '罗佳琪', phone: '100-0000-9005' },
  ],
  cadres: [
    { id: 'm-cadre-1', name: '赵明远', phone: '100-0000-8001' },
    { id: 'm-cadre-2', name: '孙立华', phone: '100-0000-8002' },
  ],
  openTasks: [task()],
  followUps: [{ id: 'f1', text: '老人腿疼，需要去县医院看', owner: '赵明远', dueDate: addDays(today, 5), status: 'open' }],
  visits: { items: [visit()], nextCursor: null },
  ...over,
});

export const profileOf = (role: 'cadre' | 'helper' | 'office' | 'villager', memberId = 'm-cadre-1') => ({
  memberId,
  role,
  name: '赵明远',
  scope: { level: role === 'office' ? ('township' as const) : ('village' as const), id: 'v1', name: '杏花村' },
  villageId: role === 'office' ? null : 'v1',
  villageName: role === 'office' ? null : '杏花村',
  householdId: role === 'villager' ? 'h1' : null,
});
