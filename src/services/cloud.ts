import Taro from '@tarojs/taro';
import type { z } from 'zod';
import {
  contracts,
  messageFor,
  responseSchema,
  type ActionContract,
  type CloudResponse,
  type FunctionName,
} from '../../types';

type Actions<F extends FunctionName> = (typeof contracts)[F]['actions'];
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

/**
 * The stand-in's stand-in for WeChat's injected openid. A plain function, not
 * async, so that webpack sees the constant branch and leaves the dev module out
 * of the WeChat build.
 */
function devHeaders(): Record<string, string> {
  if (process.env.TARO_ENV === 'h5') {
    const { devOpenid } = require('./dev-identity') as typeof import('./dev-identity');
    return { 'x-dev-openid': devOpenid() ?? '' };
  }
  return {};
}

async function transport(name: string, data: unknown): Promise<unknown> {
  if (process.env.TARO_ENV === 'h5') {
    // In H5 the page is served by the local stand-in, which runs the same functions.
    const res = await Taro.request({
      url: `/api/functions/${name}`,
      method: 'POST',
      data,
      header: { 'content-type': 'application/json', ...devHeaders() },
      dataType: 'json',
    });
    return res.data;
  }
  const res = await Taro.cloud.callFunction({ name, data: data as Record<string, unknown> });
  return res.result;
}

/**
 * The one place the mini-program calls the cloud. Typed by the shared
 * contract; every answer is validated against the action's output schema.
 */
export async function callCloud<F extends FunctionName, A extends keyof Actions<F> & string>(
  name: F,
  action: A,
  input: InputOf<Actions<F>[A]>,
): Promise<OutputOf<Actions<F>[A]>> {
  const contract = (contracts[name].actions as Record<string, ActionContract>)[action];
  let raw: unknown;
  try {
    raw = await transport(name, { action, input });
  } catch {
    throw new CloudError('COMMON.NETWORK', messageFor('COMMON.NETWORK'));
  }
  const parsed = responseSchema(contract.output).safeParse(raw);
  if (!parsed.success) throw new CloudError('COMMON.INTERNAL', messageFor('COMMON.INTERNAL'));
  const answer = parsed.data as CloudResponse<OutputOf<Actions<F>[A]>>;
  if (!answer.ok) throw new CloudError(answer.error.code, answer.error.message || messageFor(answer.error.code));
  return answer.data;
}

/** Chinese text for anything a cloud call can throw. */
export const errorText = (e: unknown): string => (e instanceof CloudError ? e.message : messageFor('COMMON.INTERNAL'));
