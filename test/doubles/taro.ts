/**
 * A stand-in for @tarojs/taro in jsdom: storage in memory, navigation and
 * requests as jest mocks that tests can inspect and script, and page-show
 * events that tests fire with `showPage()`.
 */
import { useEffect, useRef } from 'react';

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
  /** Confirms unless a test scripts otherwise. */
  showModal: jest.fn().mockResolvedValue({ confirm: true, cancel: false }),
  setClipboardData: jest.fn().mockResolvedValue(undefined),
  setNavigationBarTitle: jest.fn().mockResolvedValue(undefined),
  chooseImage: jest.fn(),
  /** The page's launch query; tests set `router.params`. */
  getCurrentInstance: jest.fn(() => ({ router: { params: {} as Record<string, string> } })),
  /** WeChat's default font setting unless a test scripts a larger one. */
  getAppBaseInfo: jest.fn(() => ({ fontSizeSetting: 17, fontSizeScaleFactor: 1 })),
};

const showListeners = new Set<{ current: () => void }>();

/** Like Taro's: calls `fn` each time the page is shown, the first show included. */
export function useDidShow(fn: () => void): void {
  const latest = useRef(fn);
  latest.current = fn;
  useEffect(() => {
    showListeners.add(latest);
    return () => void showListeners.delete(latest);
  }, []);
}

/** Shows the mounted pages, as WeChat does on first display and when the user comes back to a page. */
export function showPage(): void {
  for (const listener of [...showListeners]) listener.current();
}

export const useLaunch = (_fn: () => void): void => undefined;
export default Taro;
