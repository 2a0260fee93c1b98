import { z } from 'zod';
import type { Role } from './common';
import { commonErrorCodes, type ErrorCode } from './errors';

/**
 * Who may call an action. `anyone` includes WeChat users who have not bound
 * to a roster entry yet (who-am-I, binding); every other action requires a
 * bound caller whose role is in the list.
 */
export type Access = 'anyone' | readonly Role[];

export interface ActionContract<
  I extends z.ZodTypeAny = z.ZodTypeAny,
  O extends z.ZodTypeAny = z.ZodTypeAny,
  E extends ErrorCode = ErrorCode,
> {
  input: I;
  output: O;
  /** Codes this action may answer with, besides the common ones every action shares. */
  errors: readonly E[];
  access: Access;
}

export interface TimerContract {
  /** CloudBase trigger name (the event's TriggerName), also the stand-in's `POST /api/dev/timers/<function>/<name>`. */
  name: string;
  /** CloudBase's 7-field cron (seconds first, year last), read in UTC+8. */
  cron: string;
}

export interface FunctionContract<A extends Record<string, ActionContract> = Record<string, ActionContract>> {
  name: string;
  actions: A;
  /** Scheduled work, each with its own CloudBase timer trigger in cloudbaserc.json. */
  timers?: readonly TimerContract[];
}

export const defineAction = <I extends z.ZodTypeAny, O extends z.ZodTypeAny, E extends ErrorCode>(
  action: ActionContract<I, O, E>,
): ActionContract<I, O, E> => action;

export const defineFunction = <A extends Record<string, ActionContract>>(fn: FunctionContract<A>): FunctionContract<A> => fn;

export type ActionInput<A extends ActionContract> = z.input<A['input']>;
export type ActionOutput<A extends ActionContract> = z.output<A['output']>;

/** The request body every cloud function receives: `callFunction({ name, data })`'s `data`. */
export const requestSchema = z.object({
  action: z.string().min(1).max(64),
  input: z.unknown().optional(),
});
export type CloudRequest = z.infer<typeof requestSchema>;

export const errorBodySchema = z.object({ code: z.string(), message: z.string() });
export type ErrorBody = z.infer<typeof errorBodySchema>;

export const responseSchema = <T extends z.ZodTypeAny>(data: T) =>
  z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), data }), z.object({ ok: z.literal(false), error: errorBodySchema })]);

export type CloudResponse<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

export const allErrorCodes = (action: ActionContract): readonly string[] => [...commonErrorCodes, ...action.errors];
