import Taro from '@tarojs/taro';
import { askToBeNotified, canAskToBeNotified } from './subscribe';

const request = Taro.requestSubscribeMessage as unknown as jest.Mock;
const env = process.env.TARO_ENV;
afterEach(() => {
  process.env.TARO_ENV = env;
  delete (globalThis as { SUBSCRIBE_TEMPLATE_ID?: string }).SUBSCRIBE_TEMPLATE_ID;
  request.mockClear();
});

it('asks WeChat for one message of the template the functions send', () => {
  process.env.TARO_ENV = 'weapp';
  (globalThis as { SUBSCRIBE_TEMPLATE_ID?: string }).SUBSCRIBE_TEMPLATE_ID = 'tmpl-1';
  askToBeNotified();
  expect(request).toHaveBeenCalledWith({ tmplIds: ['tmpl-1'] });
});

it('asks nothing in the browser or without a template', () => {
  (globalThis as { SUBSCRIBE_TEMPLATE_ID?: string }).SUBSCRIBE_TEMPLATE_ID = 'tmpl-1';
  askToBeNotified();
  process.env.TARO_ENV = 'weapp';
  (globalThis as { SUBSCRIBE_TEMPLATE_ID?: string }).SUBSCRIBE_TEMPLATE_ID = '';
  askToBeNotified();
  expect(request).not.toHaveBeenCalled();
});

it('says it can ask only in WeChat with a template', () => {
  (globalThis as { SUBSCRIBE_TEMPLATE_ID?: string }).SUBSCRIBE_TEMPLATE_ID = 'tmpl-1';
  expect(canAskToBeNotified()).toBe(false);
  process.env.TARO_ENV = 'weapp';
  expect(canAskToBeNotified()).toBe(true);
  (globalThis as { SUBSCRIBE_TEMPLATE_ID?: string }).SUBSCRIBE_TEMPLATE_ID = '';
  expect(canAskToBeNotified()).toBe(false);
});
