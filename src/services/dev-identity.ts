import Taro from '@tarojs/taro';
import { httpJson } from './http';

/**
 * Only the local stand-in knows demo users: it plays WeChat's injected openid
 * through the x-dev-openid header. Never used by the WeChat build.
 */
const KEY = 'dev-openid';

export interface DevUser {
  openid: string;
  role: 'villager' | 'helper' | 'cadre' | 'office';
  name: string;
  villageId: string | null;
  villageName: string | null;
}

export const devOpenid = (): string | null => Taro.getStorageSync<string>(KEY) || null;

export const setDevOpenid = (openid: string): void => Taro.setStorageSync(KEY, openid);

/** The stand-in's demo users, or null when the page is not served by the stand-in. */
export async function fetchDevUsers(): Promise<DevUser[] | null> {
  try {
    const res = await httpJson('/api/dev/users', { method: 'GET' });
    return res.status === 200 && Array.isArray(res.data) ? (res.data as DevUser[]) : null;
  } catch {
    return null;
  }
}

export const newWechatOpenid = (): string => `dev-new-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
