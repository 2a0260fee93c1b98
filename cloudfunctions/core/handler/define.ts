import { z } from 'zod';
import {
  messageFor,
  requestSchema,
  type ActionContract,
  type CloudResponse,
  type ErrorCode,
  type FunctionContract,
} from '../../../types';
import { DomainError, isDomainError } from '../domain/errors';
import type { MemberRecord, UserRecord } from '../records';
import type { Deps, Invocation } from './deps';

export interface ActionContext<Bound extends boolean> {
  deps: Deps;
  /** Read once per call so that one request sees one instant. */
  now: Date;
  openid: string;
  caller: Bound extends true ? MemberRecord : MemberRecord | null;
}

type IsBound<A extends ActionContract> = A['access'] extends 'anyone' ? false : true;

export type ActionImpl<A extends ActionContract> = (
  input: z.output<A['input']>,
  ctx: ActionContext<IsBound<A>>,
) => Promise<z.input<A['output']>>;

export type TimerImpl = (ctx: { deps: Deps; now: Date }) => Promise<Record<string, number>>;

export interface FunctionHandler {
  contract: FunctionContract;
  /** Runs one call. Never throws: every failure comes back as `{ ok: false, error }`. */
  invoke(event: unknown, invocation: Invocation, deps: Deps): Promise<CloudResponse<unknown>>;
}

const fail = (code: ErrorCode, message = messageFor(code)): CloudResponse<never> => ({
  ok: false,
  error: { code, message },
});

const firstIssue = (e: z.ZodError): string => {
  const issue = e.issues[0];
  return issue ? issue.message : messageFor('COMMON.INVALID_INPUT');
};

async function loadCaller(deps: Deps, openid: string): Promise<MemberRecord | null> {
  const user = await deps.store.collection<UserRecord>('users').get(openid);
  if (!user) return null;
  return deps.store.collection<MemberRecord>('members').get(user.memberId);
}

/**
 * The one wrapper around every cloud function: validate the request, identify
 * the caller, authorise by the contract's access list, run, validate the
 * answer (which also strips any field the contract does not declare), and
 * map every failure to `{ code, message }` without leaking internals.
 */
export function defineHandler<F extends FunctionContract>(
  contract: F,
  actions: { [K in keyof F['actions']]: ActionImpl<F['actions'][K]> },
  timer?: TimerImpl,
): FunctionHandler {
  const run = async (event: unknown, invocation: Invocation, deps: Deps): Promise<CloudResponse<unknown>> => {
    const now = deps.clock.now();
    if (invocation.source === 'timer') {
      if (!timer) return fail('COMMON.UNKNOWN_ACTION');
      return { ok: true, data: await timer({ deps, now }) };
    }
    const request = requestSchema.safeParse(event);
    if (!request.success) return fail('COMMON.BAD_REQUEST');
    const { action, input } = request.data;
    if (!Object.prototype.hasOwnProperty.call(contract.actions, action)) return fail('COMMON.UNKNOWN_ACTION');
    const spec = contract.actions[action] as ActionContract;
    // The contract and the implementation map share keys, checked where defineHandler is called.
    const impl = actions[action as keyof F['actions']] as unknown as (input: unknown, ctx: ActionContext<false>) => Promise<unknown>;

    if (!invocation.openid) return fail('COMMON.UNAUTHENTICATED');
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) return fail('COMMON.INVALID_INPUT', firstIssue(parsed.error));

    const caller = await loadCaller(deps, invocation.openid);
    if (spec.access !== 'anyone') {
      if (!caller) return fail('COMMON.NOT_BOUND');
      if (!spec.access.includes(caller.role)) return fail('COMMON.FORBIDDEN');
    }
    const result = await impl(parsed.data, { deps, now, openid: invocation.openid, caller });
    return { ok: true, data: spec.output.parse(result) };
  };

  return {
    contract,
    async invoke(event, invocation, deps) {
      try {
        return await run(event, invocation, deps);
      } catch (e) {
        if (isDomainError(e)) return fail((e as DomainError).code);
        deps.log.error(`[${contract.name}] internal error`, e);
        return fail('COMMON.INTERNAL');
      }
    },
  };
}
