import { pagePath, routes } from '../types/routes';

const pages = [routes.home, routes.bind, routes.wishNew, routes.myWishes, routes.settings].map(pagePath);
/** Pages only cadres and offices open: a subpackage, so villagers never download them. */
const cadrePages = [routes.reviewWishes, routes.invite].map((r) => pagePath(r).replace(/^cadre\//, ''));

export default defineAppConfig({
  // The demo-user picker exists only in the H5 build that the local stand-in serves.
  pages: process.env.TARO_ENV === 'h5' ? [...pages, pagePath(routes.devLogin)] : pages,
  subPackages: [{ root: 'cadre', pages: cadrePages }],
  // The cadre package is small; fetching it while a cadre looks at the home page makes their
  // first tap instant. WeChat cannot preload by role, so villagers on a mobile network are spared.
  preloadRule: { 'pages/index/index': { network: 'wifi', packages: ['cadre'] } },
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
