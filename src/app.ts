import { type PropsWithChildren } from 'react';
import Taro, { useLaunch } from '@tarojs/taro';
import './app.scss';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    if (process.env.TARO_ENV === 'weapp') {
      // npm run build:weapp always names the environment (scripts/build-weapp.ts); only a local/dev
      // build (the tests, `npm run build:weapp -- --dev`) leaves it empty: DevTools' selected environment.
      Taro.cloud.init({ env: CLOUD_ENV || undefined, traceUser: true });
    }
  });
  return children;
}

export default App;
