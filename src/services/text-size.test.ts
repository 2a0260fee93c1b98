import Taro from '@tarojs/taro';
import { getTextSize, initialTextSize } from './text-size';

describe('the text size a launch starts with', () => {
  it("follows WeChat's own font setting until the person chooses here", () => {
    expect(initialTextSize('', { fontSizeSetting: 20, fontSizeScaleFactor: 1.18 })).toBe('large');
    expect(initialTextSize('', { fontSizeSetting: 17, fontSizeScaleFactor: 1 })).toBe('standard');
    expect(initialTextSize('standard', { fontSizeSetting: 24 })).toBe('standard');
    expect(initialTextSize('large', { fontSizeSetting: 17 })).toBe('large');
  });

  it('reads the scale factor when WeChat gives no font size, and says 标准 when it gives nothing', () => {
    expect(initialTextSize('', { fontSizeScaleFactor: 1.3 })).toBe('large');
    expect(initialTextSize('', { fontSizeScaleFactor: 1 })).toBe('standard');
    expect(initialTextSize('', null)).toBe('standard');
    expect(initialTextSize('huge', {})).toBe('standard');
  });

  it('asks WeChat for its font setting on the first read in the WeChat build', () => {
    jest.isolateModules(() => {
      process.env.TARO_ENV = 'weapp';
      /* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/consistent-type-imports -- fresh modules, for a first read */
      const taro = (require('@tarojs/taro') as { default: typeof Taro }).default;
      const fresh = require('./text-size') as typeof import('./text-size');
      /* eslint-enable @typescript-eslint/no-require-imports, @typescript-eslint/consistent-type-imports */
      (taro.getAppBaseInfo as unknown as jest.Mock).mockReturnValueOnce({ fontSizeSetting: 22 });
      expect(fresh.getTextSize()).toBe('large');
    });
    process.env.TARO_ENV = 'h5';
  });

  it('starts with 标准 in a browser, which has no WeChat font setting', () => {
    (Taro.getAppBaseInfo as unknown as jest.Mock).mockClear();
    expect(getTextSize()).toBe('standard');
    expect(Taro.getAppBaseInfo).not.toHaveBeenCalled();
  });
});
