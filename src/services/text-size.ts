import Taro from '@tarojs/taro';
import { useSyncExternalStore } from 'react';

export type TextSize = 'standard' | 'large';
export const textSizeLabels: Record<TextSize, string> = { standard: '标准', large: '大字' };

const KEY = 'text-size';
const listeners = new Set<() => void>();
let current: TextSize | null = null;

export function getTextSize(): TextSize {
  if (current === null) current = Taro.getStorageSync(KEY) === 'large' ? 'large' : 'standard';
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
