import { type z } from 'zod';
import {
  allErrorCodes,
  messageFor,
  zhErrorMap,
  requestSchema,
  type ActionContract,
  type CloudResponse,
  type ErrorCode,
  type FunctionContract,
} from '../../../types';
import { isDomainError } from '../domain/errors';
import { isStoreError } from '../ports/store';
import type { MemberRecord } from '../records';
import { consoleLogger, type Deps, type Invocation } from './deps';

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

/** The implementations of a function's actions; `satisfies Partial<ActionsOf<C>>` types a part kept in its own file. */
export type ActionsOf<F extends FunctionContract> = { [K in keyof F['actions']]: ActionImpl<F['actions'][K]> };

export type TimerImpl = (ctx: { deps: Deps; now: Date }) => Promise<Record<string, number>>;

export interface FunctionHandler {
  contract: FunctionContract;
  /**
   * Runs one call. Never throws: every failure, including one while building `deps`,
   * comes back as `{ ok: false, error }`.
   */
  invoke(event: unknown, invocation: Invocation, deps: Deps | (() => Deps)): Promise<CloudResponse<unknown>>;
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
  const user = await deps.store.collection('users').get(openid);
  if (!user) return null;
  return deps.store.collection('members').get(user.memberId);
}

/**
 * The one wrapper around every cloud function: read the request, identify the
 * caller, authorise by the contract's access list, and only then validate the
 * input (so an unbound or forbidden caller learns nothing of the schema), run,
 * validate the answer (which also strips any field the contract does not
 * declare), and map every failure to `{ code, message }` without leaking internals.
 */
export function defineHandler<F extends FunctionContract>(
  contract: F,
  actions: ActionsOf<F>,
  timers: Record<string, TimerImpl> = {},
): FunctionHandler {
  const declared = new Set((contract.timers ?? []).map((t) => t.name));
  for (const name of Object.keys(timers)) {
    if (!declared.has(name)) throw new Error(`${contract.name}: timer ${name} is not in the contract`);
  }
  for (const name of declared) {
    if (!timers[name]) throw new Error(`${contract.name}: timer ${name} has no implementation`);
  }

  const run = async (event: unknown, invocation: Invocation, deps: Deps): Promise<CloudResponse<unknown>> => {
    const now = deps.clock.now();
    if (invocation.source === 'timer') {
      const timer = Object.prototype.hasOwnProperty.call(timers, invocation.trigger ?? '') ? timers[invocation.trigger!] : null;
      if (!timer) return fail('COMMON.UNKNOWN_ACTION');
      return { ok: true, data: await timer({ deps, now }) };
    }
    const request = requestSchema.safeParse(event);
    if (!request.success) return fail('COMMON.BAD_REQUEST');
    const { action, input } = request.data;
    if (!Object.prototype.hasOwnProperty.call(contract.actions, action)) return fail('COMMON.UNKNOWN_ACTION');
    const spec = contract.actions[action];
    // The contract and the implementation map share keys, checked where defineHandler is called.
    const impl = actions[action as keyof F['actions']] as unknown as (input: unknown, ctx: ActionContext<false>) => Promise<unknown>;

    if (!invocation.openid) return fail('COMMON.UNAUTHENTICATED');
    const caller = await loadCaller(deps, invocation.openid);
    if (spec.access !== 'anyone') {
      if (!caller) return fail('COMMON.NOT_BOUND');
      if (!spec.access.includes(caller.role)) return fail('COMMON.FORBIDDEN');
    }
    const parsed = spec.input.safeParse(input ?? {}, { errorMap: zhErrorMap });
    if (!parsed.success) return fail('COMMON.INVALID_INPUT', firstIssue(parsed.error));

    try {
      const result = await impl(parsed.data, { deps, now, openid: invocation.openid, caller });
      return { ok: true, data: spec.output.parse(result) };
    } catch (e) {
      if (!isDomainError(e)) throw e;
      const code = e.code;
      if (!allErrorCodes(spec).includes(code)) {
        // A code the contract does not list is a bug: the client has no text or handling for it.
        deps.log.error(`[${contract.name}.${action}] answered ${code}, which its contract does not declare`, e);
        return fail('COMMON.INTERNAL');
      }
      return fail(code);
    }
  };

  return {
    contract,
    async invoke(event, invocation, depsOrFactory) {
      let log: Deps['log'] = consoleLogger;
      try {
        const deps = typeof depsOrFactory === 'function' ? depsOrFactory() : depsOrFactory;
        log = deps.log;
        return await run(event, invocation, deps);
      } catch (e) {
        // Writers kept colliding on the same documents: worth a retry, not an alarm.
        if (isStoreError(e, 'CONFLICT')) return fail('COMMON.BUSY');
        log.error(`[${contract.name}] internal error`, e);
        return fail('COMMON.INTERNAL');
      }
    },
  };
}
