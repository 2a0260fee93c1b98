/**
 * The mini-program's page paths, shared by the client (navigation) and the functions (links in
 * notifications and QR codes). Role-specific pages live in subpackages so the main package,
 * which every villager downloads first, stays small.
 */
export const routes = {
  home: '/pages/index/index',
  /** The home page opened on its 消息 tab: where a notification without its own link leads. */
  inbox: '/pages/index/index?tab=inbox',
  bind: '/pages/bind/index',
  wishNew: '/wish/new/index',
  myWishes: '/wish/mine/index',
  settings: '/pages/settings/index',
  devLogin: '/pages/dev-login/index',
  /** One wish: progress, history and what the caller may do; opened with `?id=`. */
  wish: '/wish/detail/index',
  reviewWishes: '/cadre/review-wishes/index',
  invite: '/cadre/invite/index',
  submitFor: '/cadre/submit-for/index',
  ledger: '/cadre/ledger/index',
  wishWall: '/helper/wall/index',
  myClaims: '/helper/claims/index',
  /** The delivery form for one claimed wish; opened with `?id=`. */
  fulfil: '/helper/fulfil/index',
  /** The caller's visit tasks (cadre, helper) under 今天 / 本周 / 已逾期 / 全部; `?tab=` opens one. */
  visitTasks: '/visit/tasks/index',
  /** The office's overdue and escalated tasks of its villages (逾期督办). */
  overdueTasks: '/visit/overdue/index',
  /** One task: its history and what the caller may do; opened with `?id=`. */
  visitTask: '/visit/task/index',
  /** A household's page (结对帮扶记录本): facts, helpers, open tasks and follow-ups, visits; `?id=`. */
  household: '/visit/household/index',
  /** The visit log form for a household; `?householdId=` (and `&taskId=` when opened from a task). */
  visitLog: '/visit/log/index',
  /** A helper's paired households, or a cadre's village, soonest due first. */
  myHouseholds: '/visit/households/index',
  /** The county's visit policy (走访规则): in force, next, presets. */
  visitPolicy: '/visit/policy/index',
  /** 关爱干部: a cadre or an office reports a 五必访 event for a cadre. */
  careReport: '/visit/care/index',
  /** 家里有事，请干部来一趟: a villager for their own household; staff with `?householdId=`. */
  reportEvent: '/family/report/index',
} as const;
export type Route = (typeof routes)[keyof typeof routes];

/** A page of one wish (the wish page, the delivery form), as a link a notification or a tap can open. */
export const wishLink = (route: typeof routes.wish | typeof routes.fulfil, id: string): string => `${route}?id=${encodeURIComponent(id)}`;

/** One task's page, as a link a notification or a tap can open. */
export const taskLink = (id: string): string => `${routes.visitTask}?id=${encodeURIComponent(id)}`;

/** A household's page, as a link a notification or a tap can open. */
export const householdLink = (id: string): string => `${routes.household}?id=${encodeURIComponent(id)}`;

/** A route as WeChat's APIs want it in subscription messages and QR codes: no leading slash. */
export const pagePath = (route: string): string => route.replace(/^\//, '');
