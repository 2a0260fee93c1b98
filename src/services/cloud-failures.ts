import { errorMessages } from '../../types/errors';

/**
 * How long the phone waits for any cloud call before it gives up and says so (the issue asks for
 * 10–15 s). Past this a villager on a weak signal is better told to try again than left watching a
 * spinner; a retry of a create is safe because it carries the same request id.
 */
export const CALL_TIMEOUT_MS = 15_000;

/**
 * Failures to get an answer from a cloud function at all, as opposed to the function's own
 * `{ ok: false }` answers. These codes exist only on the client: no function ever sends them.
 * Each tells the person something different to do (wait, check the phone's network, call someone).
 */
export const transportMessages = {
  /** The function is not deployed in this environment (or under another name). */
  'CLOUD.NOT_DEPLOYED': '服务还没有开通，请联系驻村干部或管理员',
  /** The function started but threw or was killed before it answered. */
  'CLOUD.CRASHED': '服务出了故障，请稍后再试；一直这样请联系管理员',
  /** The platform said the function ran out of time; the request may still have been carried out. */
  'CLOUD.TIMEOUT': '服务器响应超时，请稍后再试',
  /**
   * The phone stopped waiting after CALL_TIMEOUT_MS, almost always a weak signal. The call may still
   * finish on the server, which is why creates carry request ids and a retry is safe.
   */
  'CLOUD.GAVE_UP': `网络太慢，等了 ${CALL_TIMEOUT_MS / 1000} 秒还没有回音。填好的内容都还在，可以放心再试一次`,
  /** The cloud platform itself refused: system error, quota, environment. */
  'CLOUD.UNAVAILABLE': '服务暂时不可用，请稍后再试',
  /** The phone could not reach the cloud. */
  'COMMON.NETWORK': errorMessages['COMMON.NETWORK'],
} as const;

export type TransportCode = keyof typeof transportMessages;

/**
 * Failures that say nothing about the content, only that the cloud could not be reached or did not
 * answer in time: a list may go on showing what it saved last time, marked 离线.
 */
export const networkCodes: ReadonlySet<string> = new Set<TransportCode>([
  'COMMON.NETWORK',
  'CLOUD.TIMEOUT',
  'CLOUD.GAVE_UP',
  'CLOUD.UNAVAILABLE',
]);

/** WeChat cloud error codes (developers.weixin.qq.com/miniprogram/dev/wxcloud/reference/errcode.html). */
const WX = {
  /** SDK: the function call failed; the service's own code follows in errMsg. */
  callFailed: -404011,
  /** Cloud: the function threw or exited. */
  functionFailed: -504002,
  /** Cloud: system error. */
  systemError: -501001,
  /** Cloud: response timeout. */
  cloudTimeout: -501002,
  /** WeChat backend: call timeout. */
  wxTimeout: -604102,
  /** WeChat backend: network error. */
  wxNetwork: -601003,
} as const;

/** Polling for the result gave up: the SDK's own timeouts. */
const SDK_TIMEOUTS = new Set([-404005, -404010, -404012]);

const TIMEOUT_TEXT = /time[ds]?[\s_-]?out|超时/i;
const NOT_FOUND_TEXT = /FunctionName parameter could not be found|function not found|ResourceNotFound\.Function|函数不存在/i;
const NETWORK_TEXT = /request:fail|network|ERR_INTERNET|ERR_NAME_NOT_RESOLVED|ERR_CONNECTION|ENOTFOUND|ECONNREFUSED|网络/i;

/** The numeric codes in a WeChat cloud error: its errCode and those the service reports inside errMsg. */
function codesOf(errCode: number | undefined, errMsg: string): number[] {
  const inner = [...errMsg.matchAll(/(?:error code|errCode:?)\s*(-\d{5,7})/gi)].map((m) => Number(m[1]));
  return errCode === undefined ? inner : [errCode, ...inner];
}

/**
 * Names a `Taro.cloud.callFunction` rejection. The SDK wraps most function failures in −404011
 * and puts the service's code in errMsg ("cloud function service error code -504002, …"), so both
 * are read: a timeout, then a missing function, then a crash, then a network failure.
 */
export function classifyWeappFailure(errCode: number | undefined, errMsg: string): TransportCode {
  const codes = codesOf(errCode, errMsg);
  if (TIMEOUT_TEXT.test(errMsg) || codes.some((c) => c === WX.cloudTimeout || c === WX.wxTimeout || SDK_TIMEOUTS.has(c))) {
    return 'CLOUD.TIMEOUT';
  }
  if (NOT_FOUND_TEXT.test(errMsg)) return 'CLOUD.NOT_DEPLOYED';
  if (codes.includes(WX.functionFailed)) return 'CLOUD.CRASHED';
  if (codes.includes(WX.callFailed)) return 'CLOUD.NOT_DEPLOYED';
  if (codes.includes(WX.wxNetwork) || NETWORK_TEXT.test(errMsg)) return 'COMMON.NETWORK';
  if (codes.some((c) => c <= -500000)) return 'CLOUD.UNAVAILABLE';
  // No code at all: the request never got an answer.
  return errCode === undefined ? 'COMMON.NETWORK' : 'CLOUD.UNAVAILABLE';
}

/**
 * Names an H5 request that got no usable answer from the stand-in: a status, or none when it never
 * connected. Without a status, an abort is the request's own timer, which cloud.ts sets
 * to CALL_TIMEOUT_MS: the phone gave up, as it does in WeChat.
 */
export function classifyHttpFailure(status: number | undefined, reason = ''): TransportCode | null {
  if (status === undefined) return TIMEOUT_TEXT.test(reason) || /abort/i.test(reason) ? 'CLOUD.GAVE_UP' : 'COMMON.NETWORK';
  if (status === 404) return 'CLOUD.NOT_DEPLOYED';
  if (status === 504 || status === 408) return 'CLOUD.TIMEOUT';
  if (status === 502 || status === 503) return 'CLOUD.UNAVAILABLE';
  if (status >= 500) return 'CLOUD.CRASHED';
  return null;
}
