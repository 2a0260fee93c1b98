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
} as const;
export type Route = (typeof routes)[keyof typeof routes];

/** A page of one wish (the wish page, the delivery form), as a link a notification or a tap can open. */
export const wishLink = (route: typeof routes.wish | typeof routes.fulfil, id: string): string => `${route}?id=${encodeURIComponent(id)}`;

/** A route as WeChat's APIs want it in subscription messages and QR codes: no leading slash. */
export const pagePath = (route: string): string => route.replace(/^\//, '');
