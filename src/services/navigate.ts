import Taro from '@tarojs/taro';

export const go = (url: string) => () => void Taro.navigateTo({ url });

/** Whether the stand-in's H5 build still needs a demo user picked; always false in WeChat. */
export function needsDevIdentity(): boolean {
  if (process.env.TARO_ENV === 'h5') {
    // Required inside the branch so that the WeChat build drops the dev module entirely.
    // eslint-disable-next-line @typescript-eslint/no-require-imports, @typescript-eslint/consistent-type-imports -- a static import would put the dev module in the WeChat build
    const { devOpenid } = require('./dev-identity') as typeof import('./dev-identity');
    return devOpenid() === null;
  }
  return false;
}
