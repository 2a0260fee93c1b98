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
  wishNew: '/pages/wish-new/index',
  myWishes: '/pages/my-wishes/index',
  settings: '/pages/settings/index',
  devLogin: '/pages/dev-login/index',
  reviewWishes: '/cadre/review-wishes/index',
  invite: '/cadre/invite/index',
} as const;
export type Route = (typeof routes)[keyof typeof routes];

/** A route as WeChat's APIs want it in subscription messages and QR codes: no leading slash. */
export const pagePath = (route: string): string => route.replace(/^\//, '');
