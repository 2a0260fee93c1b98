import tcb from '@cloudbase/node-sdk';
import { z } from 'zod';
import { cloudbaseFiles } from '../adapters/cloudbase-files';
import { msgSecCheck } from '../adapters/cloudbase-content-check';
import { cloudbaseNotifier } from '../adapters/cloudbase-notifier';
import { wxacodeQrCodes } from '../adapters/cloudbase-qr-codes';
import { cloudbaseStore } from '../adapters/cloudbase-store';
import { qweatherWarnings, unconfiguredWarnings } from '../adapters/qweather-warnings';
import type { CbDatabase } from '../adapters/cloudbase-db';
import { cryptoIds } from '../ids';
import { systemClock } from '../ports/clock';
import type { FunctionHandler } from './define';
import { consoleLogger, type Deps, type Invocation } from './deps';

/**
 * The CloudBase CLI renders an unset `{{env.X}}` in cloudbaserc.json as an empty string,
 * so an empty (or blank) variable means "not set", never "set to nothing".
 */
const unsetIfBlank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** Function environment variables (cloudbaserc.json `envVariables`). */
const envSchema = z.object({
  SUBSCRIBE_TEMPLATE_ID: z.preprocess(unsetIfBlank, z.string().trim().min(1).optional()),
  SUBSCRIBE_MINIPROGRAM_STATE: z.preprocess(unsetIfBlank, z.enum(['formal', 'trial', 'developer']).default('formal')),
  /**
   * Which version of the mini-program an invite's 小程序码 opens. `trial` before the first
   * release (or while the bind page is not yet in the published version); see cloudbase-qr-codes.ts.
   */
  WXACODE_ENV_VERSION: z.preprocess(unsetIfBlank, z.enum(['release', 'trial', 'develop']).default('release')),
  /** QWeather's API key and the project's API host (console → 项目管理); without both, no warnings are polled. */
  QWEATHER_KEY: z.preprocess(unsetIfBlank, z.string().trim().min(1).optional()),
  QWEATHER_HOST: z.preprocess(unsetIfBlank, z.string().trim().min(1).optional()),
});
export type FunctionEnv = z.infer<typeof envSchema>;

export const readFunctionEnv = (env: Record<string, string | undefined>): FunctionEnv => envSchema.parse(env);

/** The environment the function runs in, read as node-sdk reads it (utils/tcbopenapicommonrequester.ts). */
const currentEnvId = (): string => process.env.TCB_ENV || process.env.SCF_NAMESPACE || '';

let deps: Deps | null = null;

/** One SDK instance and one set of adapters per warm container; a failed build is tried again on the next call. */
export function productionDeps(): Deps {
  if (deps) return deps;
  const env = readFunctionEnv(process.env);
  const app = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV });
  // node-sdk types its database as any; CbDatabase is the slice the adapter relies on.
  const db: CbDatabase = app.database();
  const store = cloudbaseStore(db);
  deps = {
    store,
    clock: systemClock,
    ids: cryptoIds,
    notifier: cloudbaseNotifier({
      store,
      clock: systemClock,
      wx: app,
      subscribe: env.SUBSCRIBE_TEMPLATE_ID
        ? { templateId: env.SUBSCRIBE_TEMPLATE_ID, miniprogramState: env.SUBSCRIBE_MINIPROGRAM_STATE }
        : null,
      log: consoleLogger,
    }),
    qr: wxacodeQrCodes(app, { envVersion: env.WXACODE_ENV_VERSION }),
    content: msgSecCheck(app, consoleLogger),
    // Only fileIDs of the environment the function runs in are ever accepted (the SDK's own rule for SYMBOL_CURRENT_ENV).
    files: cloudbaseFiles(app, { envId: currentEnvId() }),
    warnings:
      env.QWEATHER_KEY && env.QWEATHER_HOST ? qweatherWarnings({ key: env.QWEATHER_KEY, host: env.QWEATHER_HOST }) : unconfiguredWarnings,
    log: consoleLogger,
  };
  return deps;
}

type CloudbaseContext = ReturnType<typeof tcb.getCloudbaseContext>;

/**
 * Who calls, from the platform's context and never from the event. Only the platform
 * can say that a timer fired (TRIGGER_SRC); the event's TriggerName, which a client can
 * also send, only says which of the function's timers it was.
 */
function invocationOf(event: unknown, ctx: CloudbaseContext | null): Invocation {
  if (ctx?.TRIGGER_SRC === 'timer') {
    const name = (event as { TriggerName?: unknown } | null)?.TriggerName;
    return { openid: null, source: 'timer', trigger: typeof name === 'string' ? name : undefined };
  }
  return { openid: ctx?.WX_OPENID || null, source: 'client' };
}

/** The CloudBase entry point for a handler: everything that can fail, building deps included, runs inside invoke's envelope. */
export function toCloudbaseMain(handler: FunctionHandler, makeDeps: () => Deps = productionDeps) {
  return async function main(event: unknown, context: unknown) {
    let ctx: CloudbaseContext | null = null;
    let contextError: Error | null = null;
    try {
      ctx = tcb.getCloudbaseContext(context as Parameters<typeof tcb.getCloudbaseContext>[0]);
    } catch (e) {
      contextError = e instanceof Error ? e : new Error('the platform context could not be read');
    }
    return handler.invoke(event, invocationOf(event, ctx), () => {
      // A context the SDK cannot read is a platform fault: answered COMMON.INTERNAL and logged, like any other.
      if (contextError) throw contextError;
      return makeDeps();
    });
  };
}
