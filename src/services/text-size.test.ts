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

  it('asks WeChat for its font setting on the first read', () => {
    (Taro.getAppBaseInfo as unknown as jest.Mock).mockReturnValueOnce({ fontSizeSetting: 22 });
    expect(getTextSize()).toBe('large');
  });
});
