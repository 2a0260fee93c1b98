import { type PropsWithChildren } from 'react';
import Taro, { useLaunch } from '@tarojs/taro';
import { pagePath, routes } from '../types/routes';
import { askHomeEarly } from './pages/index/home-request';
import { needsDevIdentity } from './services/navigate';
import './app.scss';

function App({ children }: PropsWithChildren) {
  useLaunch((options) => {
    if (process.env.TARO_ENV === 'weapp') {
      // npm run build:weapp always names the environment (scripts/build-weapp.ts); only a local/dev
      // build (the tests, `npm run build:weapp -- --dev`) leaves it empty: DevTools' selected environment.
      Taro.cloud.init({ env: CLOUD_ENV || undefined, traceUser: true });
    }
    // Opening on the home page: ask for its data while its code still downloads.
    const path = (options as { path?: string } | undefined)?.path;
    if ((path === undefined || pagePath(routes.home) === path.replace(/^\//, '')) && !needsDevIdentity()) askHomeEarly();
  });
  return children;
}

export default App;
