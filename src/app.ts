import { type PropsWithChildren } from 'react';
import Taro, { useLaunch } from '@tarojs/taro';
import './app.scss';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    if (process.env.TARO_ENV === 'weapp') {
      // Empty CLOUD_ENV means the environment selected in WeChat DevTools.
      Taro.cloud.init({ env: CLOUD_ENV || undefined, traceUser: true });
    }
  });
  return children;
}

export default App;
