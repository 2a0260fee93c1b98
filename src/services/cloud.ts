import Taro from '@tarojs/taro';
import type { z } from 'zod';
import { responseSchema, type ActionContract, type CloudResponse, type FunctionContract } from '../../types/contract';
import { messageFor } from '../../types/errors';
import {
  CALL_TIMEOUT_MS,
  classifyHttpFailure,
  classifyWeappFailure,
  networkCodes,
  transportMessages,
  type TransportCode,
} from './cloud-failures';
import { httpJson, type HttpAnswer } from './http';

type InputOf<C> = C extends ActionContract<infer I, infer _O, infer _E> ? z.input<I> : never;
type OutputOf<C> = C extends ActionContract<infer _I, infer O, infer _E> ? z.output<O> : never;

/** A cloud function's `{ ok: false }` answer, or a failure to reach it, with a stable code and Chinese text. */
export class CloudError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'CloudError';
  }
}

/** No usable answer came back; `detail` is what the platform said, for the log. */
class TransportFailure extends Error {
  constructor(
    readonly code: TransportCode,
    readonly detail: Record<string, unknown>,
  ) {
    super(code);
  }
}

/**
 * The stand-in's stand-in for WeChat's injected openid. A plain function, not
 * async, so that webpack sees the constant branch and leaves the dev module out
 * of the WeChat build.
 */
function devHeaders(): Record<string, string> {
  if (process.env.TARO_ENV === 'h5') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports, @typescript-eslint/consistent-type-imports -- a static import would put the dev module in the WeChat build
    const { devOpenid } = require('./dev-identity') as typeof import('./dev-identity');
    return { 'x-dev-openid': devOpenid() ?? '' };
  }
  return {};
}

async function transport(name: string, data: unknown): Promise<unknown> {
  if (process.env.TARO_ENV === 'h5') {
    // In H5 the page is served by the local stand-in, which runs the same functions.
    let res: HttpAnswer;
    try {
      res = await httpJson(`/api/functions/${name}`, {
        method: 'POST',
        body: data,
        headers: devHeaders(),
        // Aborts the fetch itself, so a stalled connection is not left open behind the deadline.
        timeoutMs: CALL_TIMEOUT_MS,
      });
    } catch (e) {
      const reason = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
      throw new TransportFailure(classifyHttpFailure(undefined, reason) ?? 'COMMON.NETWORK', { reason });
    }
    const failed = classifyHttpFailure(res.status);
    if (failed) throw new TransportFailure(failed, { status: res.status });
    return res.data;
  }
  try {
    const res = await Taro.cloud.callFunction({ name, data: data as Record<string, unknown> });
    return res.result;
  } catch (e) {
    const { errCode, errMsg, message } = (e ?? {}) as { errCode?: unknown; errMsg?: unknown; message?: unknown };
    const code = typeof errCode === 'number' ? errCode : undefined;
    const text = [errMsg, message].filter((t): t is string => typeof t === 'string').join(' | ');
    throw new TransportFailure(classifyWeappFailure(code, text), { errCode: code, errMsg: text });
  }
}

/**
 * Settles with `call`, or fails with CLOUD.GAVE_UP after `ms`. WeChat's callFunction takes no timeout
 * and can wait far longer on a weak signal, so both builds race it; the call itself is not cancelled
 * and may still be carried out (the functions' own timeouts, up to 60 s for the wishes timer, are
 * theirs to keep). A creating action's request id makes the retry that follows safe.
 */
function withDeadline<T>(call: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TransportFailure('CLOUD.GAVE_UP', { waitedMs: ms })), ms);
  });
  return Promise.race([call, deadline]).finally(() => clearTimeout(timer));
}

/**
 * The one place the mini-program calls the cloud. Typed by the shared contract; every answer is
 * validated against the action's output schema. Each page hands over its function's contract, so the
 * main package carries only the contracts of the main package's own calls (WeChat's 2 MB limit, and
 * the H5 home's first download), never all of them.
 */
export async function callCloud<C extends FunctionContract, A extends keyof C['actions'] & string>(
  fn: C,
  action: A,
  input: InputOf<C['actions'][A]>,
): Promise<OutputOf<C['actions'][A]>> {
  const name = fn.name;
  const contract = fn.actions[action];
  let raw: unknown;
  try {
    raw = await withDeadline(transport(name, { action, input }), CALL_TIMEOUT_MS);
  } catch (e) {
    const failure = e instanceof TransportFailure ? e : new TransportFailure('COMMON.NETWORK', { reason: String(e) });
    // The code and the platform's own words, so a support call can tell a missing deploy from a weak signal.
    console.error(`[cloud] ${name}.${action} failed: ${failure.code}`, failure.detail);
    throw new CloudError(failure.code, transportMessages[failure.code]);
  }
  const parsed = responseSchema(contract.output).safeParse(raw);
  if (!parsed.success) {
    console.error(`[cloud] ${name}.${action} answered outside the contract`, parsed.error.issues.slice(0, 3));
    throw new CloudError('COMMON.INTERNAL', messageFor('COMMON.INTERNAL'));
  }
  const answer = parsed.data as CloudResponse<OutputOf<C['actions'][A]>>;
  if (!answer.ok) throw new CloudError(answer.error.code, answer.error.message || messageFor(answer.error.code));
  return answer.data;
}

/** Chinese text for anything a cloud call can throw. */
export const errorText = (e: unknown): string => (e instanceof CloudError ? e.message : messageFor('COMMON.INTERNAL'));

/** Whether a cloud call failed for want of a network or a timely answer, not because of what was asked. */
export const isNetworkFailure = (e: unknown): boolean => e instanceof CloudError && networkCodes.has(e.code);
