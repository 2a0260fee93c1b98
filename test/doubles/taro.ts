/**
 * A stand-in for @tarojs/taro in jsdom: storage in memory, navigation and
 * requests as jest mocks that tests can inspect and script.
 */
const storage = new Map<string, unknown>();

const Taro = {
  getStorageSync: (key: string) => storage.get(key) ?? '',
  setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
  clearStorageSync: () => storage.clear(),
  request: jest.fn(),
  cloud: { init: jest.fn(), callFunction: jest.fn() },
  navigateTo: jest.fn().mockResolvedValue(undefined),
  redirectTo: jest.fn().mockResolvedValue(undefined),
  reLaunch: jest.fn().mockResolvedValue(undefined),
  showToast: jest.fn().mockResolvedValue(undefined),
  setClipboardData: jest.fn().mockResolvedValue(undefined),
};

export const useDidShow = (_fn: () => void): void => undefined;
export const useLaunch = (_fn: () => void): void => undefined;
export default Taro;
