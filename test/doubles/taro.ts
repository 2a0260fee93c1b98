/**
 * A stand-in for @tarojs/taro in jsdom: storage in memory, navigation and
 * requests as jest mocks that tests can inspect and script, and page-show
 * and page-hide events that tests fire with `showPage()` and `hidePage()`.
 */
import { useEffect, useRef } from 'react';

const storage = new Map<string, unknown>();

const Taro = {
  getStorageSync: (key: string) => storage.get(key) ?? '',
  // A copy, as WeChat's storage keeps: what was stored is not changed by later edits to the object.
  setStorageSync: (key: string, value: unknown) => void storage.set(key, JSON.parse(JSON.stringify(value)) as unknown),
  removeStorageSync: (key: string) => void storage.delete(key),
  clearStorageSync: () => storage.clear(),
  getStorageInfoSync: () => ({ keys: [...storage.keys()], currentSize: 0, limitSize: 10240 }),
  request: jest.fn(),
  cloud: { init: jest.fn(), callFunction: jest.fn(), uploadFile: jest.fn() },
  /** Plugins (WechatSI) are absent unless a test scripts one. */
  requirePlugin: jest.fn((name: string): unknown => {
    throw new Error(`plugin ${name} is not declared`);
  }),
  navigateTo: jest.fn().mockResolvedValue(undefined),
  redirectTo: jest.fn().mockResolvedValue(undefined),
  reLaunch: jest.fn().mockResolvedValue(undefined),
  showToast: jest.fn().mockResolvedValue(undefined),
  /** Confirms unless a test scripts otherwise. */
  showModal: jest.fn().mockResolvedValue({ confirm: true, cancel: false }),
  setClipboardData: jest.fn().mockResolvedValue(undefined),
  setNavigationBarTitle: jest.fn().mockResolvedValue(undefined),
  requestSubscribeMessage: jest.fn().mockResolvedValue({}),
  chooseImage: jest.fn(),
  /** The page's launch query; tests set `router.params`. */
  getCurrentInstance: jest.fn((): { router: { params: Record<string, string> } } => ({ router: { params: {} } })),
  /** WeChat's default font setting unless a test scripts a larger one. */
  getAppBaseInfo: jest.fn(() => ({ fontSizeSetting: 17, fontSizeScaleFactor: 1 })),
};

/** A page event: the hook a component listens with, and what a test calls to fire it on every mounted page. */
function pageEvent(): [listen: (fn: () => void) => void, fire: () => void] {
  const listeners = new Set<{ current: () => void }>();
  const useListen = (fn: () => void): void => {
    const latest = useRef(fn);
    latest.current = fn;
    useEffect(() => {
      listeners.add(latest);
      return () => void listeners.delete(latest);
    }, []);
  };
  const fire = () => {
    for (const listener of [...listeners]) listener.current();
  };
  return [useListen, fire];
}

/**
 * Like Taro's useDidShow: calls `fn` each time the page is shown, the first show included.
 * `showPage()` shows the mounted pages, as WeChat does on first display and when the user comes back.
 */
export const [useDidShow, showPage] = pageEvent();

/**
 * Like Taro's useDidHide: calls `fn` each time the page is hidden (another page opens, or the app
 * goes to the background). `hidePage()` hides the mounted pages, as WeChat does when the person switches away.
 */
export const [useDidHide, hidePage] = pageEvent();

export const useLaunch = (_fn: () => void): void => undefined;

/** The share card the page last offered (WeChat asks for it when the person shares). */
export const shared: { current: (() => unknown) | null } = { current: null };
export function useShareAppMessage(fn: () => unknown): void {
  shared.current = fn;
}
export default Taro;
