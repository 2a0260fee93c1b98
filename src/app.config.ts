import { pagePath, routes } from '../types/routes';

// The main package holds only what the first screen needs: every WeChat user downloads it first.
const pages = [routes.home, routes.bind, routes.settings].map(pagePath);
/** A subpackage's pages, relative to its root. */
const inPackage = (root: string, list: string[]) => list.map((r) => pagePath(r).replace(new RegExp(`^${root}/`), ''));
/** The wish box, my wishes and one wish's page: what most people open next, so preloaded on any network. */
const wishPages = inPackage('wish', [routes.wishNew, routes.myWishes, routes.wish]);
/** Pages only cadres and offices open: a subpackage, so villagers never download them. */
const cadrePages = inPackage('cadre', [routes.reviewWishes, routes.invite, routes.submitFor, routes.ledger]);
/** The wish wall and claims: helpers, cadres and offices; villagers never download them either. */
const helperPages = inPackage('helper', [routes.wishWall, routes.myClaims, routes.fulfil]);
/** Visits (走访): tasks, households, the visit log and the policy, for cadres, helpers and offices only. */
const visitPages = inPackage('visit', [
  routes.visitTasks,
  routes.overdueTasks,
  routes.visitTask,
  routes.household,
  routes.visitLog,
  routes.myHouseholds,
  routes.visitPolicy,
  routes.careReport,
]);
/** 家里有事: one small page a villager may need in a hurry, on any network; staff open it for a household. */
const familyPages = inPackage('family', [routes.reportEvent]);
/** Asking cadres for help (咨询 / 爱心代办), the thread and the cadres' queue. */
const consultPages = inPackage('consult', [routes.consultNew, routes.myConsults, routes.consult, routes.consultQueue, routes.legalCard]);
/** The village message board. */
const boardPages = inPackage('board', [routes.board]);
/** Notices: farming advice, weather warnings, announcements; staff's publishing forms. */
const noticePages = inPackage('notice', [routes.notices, routes.notice, routes.noticePublish, routes.warningEntry, routes.termPreview]);

export default defineAppConfig({
  // The demo-user picker exists only in the H5 build that the local stand-in serves.
  pages: process.env.TARO_ENV === 'h5' ? [...pages, pagePath(routes.devLogin)] : pages,
  subPackages: [
    { root: 'wish', pages: wishPages },
    { root: 'cadre', pages: cadrePages },
    { root: 'helper', pages: helperPages },
    { root: 'visit', pages: visitPages },
    { root: 'family', pages: familyPages },
    { root: 'consult', pages: consultPages },
    { root: 'board', pages: boardPages },
    { root: 'notice', pages: noticePages },
  ],
  // Fetched while the home page is read, so the first tap is instant. WeChat cannot preload by role:
  // the wish pages (everyone's) and the notices (a weather warning must open at once) come on any
  // network; the staff packages only on Wi-Fi, sparing villagers on a mobile network.
  preloadRule: {
    'pages/index/index': { network: 'all', packages: ['wish', 'family', 'notice'] },
  },
  // Voice input through WeChat's 微信同声传译 plugin only when asked for: a build that declares a
  // plugin the mini-program has not added in the admin console does not start at all.
  ...(process.env.TARO_ENV === 'weapp' && process.env.WECHAT_SI_PLUGIN === '1'
    ? { plugins: { WechatSI: { version: '0.3.6', provider: 'wx069ba97219f66d99' } } }
    : {}),
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#c8102e',
    navigationBarTitleText: '暖心驻村',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f6f1ea',
  },
});
