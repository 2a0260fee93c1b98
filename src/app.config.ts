const pages = [
  'pages/index/index',
  'pages/bind/index',
  'pages/wish-new/index',
  'pages/my-wishes/index',
  'pages/review-wishes/index',
  'pages/invite/index',
  'pages/inbox/index',
  'pages/settings/index',
];

export default defineAppConfig({
  // The demo-user picker exists only in the H5 build that the local stand-in serves.
  pages: process.env.TARO_ENV === 'h5' ? [...pages, 'pages/dev-login/index'] : pages,
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#c8102e',
    navigationBarTitleText: '暖心驻村',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f6f1ea',
  },
});
