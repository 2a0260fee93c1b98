import { type PropsWithChildren } from 'react';
import Taro, { useLaunch } from '@tarojs/taro';
import './app.scss';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    if (process.env.TARO_ENV === 'weapp') {
      // npm run build:weapp always names the environment; only a local/dev build leaves it empty.
      if (!CLOUD_ENV) console.warn('[cloud] local/dev build without TARO_APP_CLOUD_ENV: using the environment selected in DevTools');
      Taro.cloud.init({ env: CLOUD_ENV || undefined, traceUser: true });
    }
  });
  return children;
}

export default App;
