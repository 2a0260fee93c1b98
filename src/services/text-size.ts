import Taro from '@tarojs/taro';
import { useSyncExternalStore } from 'react';

export type TextSize = 'standard' | 'large';
export const textSizeLabels: Record<TextSize, string> = { standard: '标准', large: '大字' };

const KEY = 'text-size';
const listeners = new Set<() => void>();
let current: TextSize | null = null;

/** WeChat's default font size (px) in its own settings (我 → 设置 → 通用 → 字体大小). */
const WECHAT_DEFAULT_FONT = 17;

export interface WechatFontInfo {
  /** px; WeChat's default is 17. */
  fontSizeSetting?: number;
  fontSizeScaleFactor?: number;
}

/**
 * The size a launch starts with: the person's own choice if they made one here, else 大字
 * when they enlarged WeChat's font (as WeChat's 关怀模式 does), else 标准.
 */
export function initialTextSize(chosen: unknown, wechat: WechatFontInfo | null): TextSize {
  if (chosen === 'large' || chosen === 'standard') return chosen;
  if (typeof wechat?.fontSizeSetting === 'number') return wechat.fontSizeSetting > WECHAT_DEFAULT_FONT ? 'large' : 'standard';
  return typeof wechat?.fontSizeScaleFactor === 'number' && wechat.fontSizeScaleFactor > 1 ? 'large' : 'standard';
}

/** WeChat's font setting; null where it cannot be read (H5, old base libraries). */
function wechatFont(): WechatFontInfo | null {
  // A browser has no WeChat font setting, and Taro's H5 getAppBaseInfo sniffs the user agent with a
  // 15 KB library the home screen would wait for. A constant condition, so webpack leaves it out of H5.
  if (process.env.TARO_ENV === 'weapp') {
    try {
      return (Taro.getAppBaseInfo?.() as WechatFontInfo | undefined) ?? null;
    } catch {
      return null;
    }
  }
  return null;
}

export function getTextSize(): TextSize {
  if (current === null) current = initialTextSize(Taro.getStorageSync(KEY), wechatFont());
  return current;
}

export function setTextSize(size: TextSize): void {
  current = size;
  Taro.setStorageSync(KEY, size);
  listeners.forEach((l) => l());
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

/** The chosen text size; every page re-renders when it changes. */
export const useTextSize = (): TextSize => useSyncExternalStore(subscribe, getTextSize, getTextSize);
