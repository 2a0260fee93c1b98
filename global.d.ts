/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.svg';
declare module '*.scss';

/** Injected by config/index.ts defineConstants. */
declare const CLOUD_ENV: string;
/** The subscription-message template the functions send (SUBSCRIBE_TEMPLATE_ID); '' when none. */
declare const SUBSCRIBE_TEMPLATE_ID: string;

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'h5' | 'swan' | 'alipay' | 'tt' | 'qq' | 'jd' | 'harmony' | undefined;
    TARO_APP_CLOUD_ENV?: string;
  }
}
