import Taro from '@tarojs/taro';

/** The template id a build carries; a function so tests can stand in for the build constant. */
const templateId = (): string => (typeof SUBSCRIBE_TEMPLATE_ID === 'string' ? SUBSCRIBE_TEMPLATE_ID : '');

/**
 * Asks WeChat to let the app send one subscription message (a nudge that something happened to a
 * wish). WeChat only shows the question when called straight from a tap, so callers call it first
 * thing in a tap handler, before any await. A refusal or a failure changes nothing: the inbox gets
 * every message anyway.
 */
export function askToBeNotified(): void {
  const id = templateId();
  if (process.env.TARO_ENV !== 'weapp' || !id) return;
  Taro.requestSubscribeMessage({ tmplIds: [id] } as Parameters<typeof Taro.requestSubscribeMessage>[0]).catch(() => undefined);
}

/** Whether askToBeNotified can ask anything here: in WeChat, in a build that carries a template. */
export const canAskToBeNotified = (): boolean => process.env.TARO_ENV === 'weapp' && templateId() !== '';
