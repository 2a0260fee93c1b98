import Taro from '@tarojs/taro';
import { setDevOpenid } from './dev-identity';
import { forgetUserItems, loadItem, saveItem, userKey } from './user-storage';

beforeEach(() => {
  Taro.clearStorageSync();
  setDevOpenid('demo-cadre-1');
});

describe('keys of what belongs to the person using the app', () => {
  it('carry the demo openid in the H5 build, where demo users share one browser', () => {
    expect(userKey('draft', 'wish-new')).toBe('draft:demo-cadre-1:wish-new');
  });

  it("are the kind and name alone in WeChat, which keeps each WeChat user's storage apart", () => {
    const env = process.env.TARO_ENV;
    process.env.TARO_ENV = 'weapp';
    try {
      expect(userKey('cache', 'my-wishes')).toBe('cache:my-wishes');
    } finally {
      process.env.TARO_ENV = env;
    }
  });
});

describe('saving and loading', () => {
  it('answers undefined for a key never saved, and removes a key saved as undefined', () => {
    expect(loadItem('cache:x')).toBeUndefined();
    saveItem('cache:x', { items: [] });
    expect(loadItem('cache:x')).toEqual({ items: [] });
    saveItem('cache:x', undefined);
    expect(loadItem('cache:x')).toBeUndefined();
  });

  it('goes on when the phone storage is full, and says so in the log', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const set = jest.spyOn(Taro, 'setStorageSync').mockImplementation(() => {
      throw new Error('setStorageSync:fail exceed storage max size 10Mb');
    });
    try {
      expect(() => saveItem('draft:x', { values: { text: '…' } })).not.toThrow();
      expect(warn).toHaveBeenCalledWith('[storage] could not save draft:x', expect.any(Error));
    } finally {
      set.mockRestore();
      warn.mockRestore();
    }
  });
});

describe('forgetUserItems', () => {
  it('forgets drafts, saved lists and request ids, and nothing else', () => {
    saveItem(userKey('draft', 'wish-new'), { values: { text: '旧的' } });
    saveItem(userKey('cache', 'home'), { unread: 1 });
    saveItem(userKey('request-ids', 'wish-new'), []);
    Taro.setStorageSync('text-size', 'large');
    forgetUserItems();
    expect(loadItem(userKey('draft', 'wish-new'))).toBeUndefined();
    expect(loadItem(userKey('cache', 'home'))).toBeUndefined();
    expect(loadItem(userKey('request-ids', 'wish-new'))).toBeUndefined();
    expect(Taro.getStorageSync('text-size')).toBe('large');
  });
});
