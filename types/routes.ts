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
  /** 找干部帮忙: a villager asks for help or a proxy service; a cadre for a household with `?householdId=`. */
  consultNew: '/consult/new/index',
  /** 我的求助: the household's requests with their status. */
  myConsults: '/consult/mine/index',
  /** One request: status, thread, history, what the caller may do, 问题解决了吗？; `?id=`. */
  consult: '/consult/detail/index',
  /** 待办求助: a cadre's village's requests (overdue first); an office's overdue and escalated ones. */
  consultQueue: '/consult/queue/index',
  /** 法律援助便民服务卡: anyone reads it; a county office edits it. */
  legalCard: '/consult/legal/index',
  /** 留言板: the caller's village's message board. */
  board: '/board/index/index',
  /** 通知: active warnings on top, then newest first. */
  notices: '/notice/list/index',
  /** One notice, read aloud on a tap; staff see who has not read it; `?id=`. */
  notice: '/notice/detail/index',
  /** A cadre or office publishes an announcement. */
  noticePublish: '/notice/publish/index',
  /** An office relays a severe-weather warning (new, update, cancel). */
  warningEntry: '/notice/warning/index',
  /** The coming solar term's farming notice, with the cadre's local note. */
  termPreview: '/notice/term/index',
} as const;
export type Route = (typeof routes)[keyof typeof routes];

/** A page of one wish (the wish page, the delivery form), as a link a notification or a tap can open. */
export const wishLink = (route: typeof routes.wish | typeof routes.fulfil, id: string): string => `${route}?id=${encodeURIComponent(id)}`;

/** One task's page, as a link a notification or a tap can open. */
export const taskLink = (id: string): string => `${routes.visitTask}?id=${encodeURIComponent(id)}`;

/** A household's page, as a link a notification or a tap can open. */
export const householdLink = (id: string): string => `${routes.household}?id=${encodeURIComponent(id)}`;

/** One request's page, as a link a notification or a tap can open. */
export const consultLink = (id: string): string => `${routes.consult}?id=${encodeURIComponent(id)}`;

/** One notice's page, as a link a notification or a tap can open. */
export const noticeLink = (id: string): string => `${routes.notice}?id=${encodeURIComponent(id)}`;

/** A route as WeChat's APIs want it in subscription messages and QR codes: no leading slash. */
export const pagePath = (route: string): string => route.replace(/^\//, '');
