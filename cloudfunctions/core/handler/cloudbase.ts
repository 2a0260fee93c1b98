import tcb from '@cloudbase/node-sdk';
import { z } from 'zod';
import { cloudbaseNotifier, type WxOpenApi } from '../adapters/cloudbase-notifier';
import { cloudbaseStore } from '../adapters/cloudbase-store';
import type { CbDatabase } from '../adapters/cloudbase-db';
import { cryptoIds } from '../ids';
import { systemClock } from '../ports/clock';
import type { FunctionHandler } from './define';
import { consoleLogger, type Deps } from './deps';

/** Function environment variables (cloudbaserc.json `envVariables`), checked once at start-up. */
const envSchema = z.object({
  SUBSCRIBE_TEMPLATE_ID: z.string().min(1).optional(),
  SUBSCRIBE_MINIPROGRAM_STATE: z.enum(['formal', 'trial', 'developer']).default('formal'),
});

let deps: Deps | null = null;

/** One SDK instance and one set of adapters per warm container. */
function productionDeps(): Deps {
  if (deps) return deps;
  const env = envSchema.parse(process.env);
  const app = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV });
  const store = cloudbaseStore(app.database() as unknown as CbDatabase);
  deps = {
    store,
    clock: systemClock,
    ids: cryptoIds,
    notifier: cloudbaseNotifier({
      store,
      clock: systemClock,
      wx: app as unknown as WxOpenApi,
      subscribe: env.SUBSCRIBE_TEMPLATE_ID ? { templateId: env.SUBSCRIBE_TEMPLATE_ID, miniprogramState: env.SUBSCRIBE_MINIPROGRAM_STATE } : null,
      log: consoleLogger,
    }),
    log: consoleLogger,
  };
  return deps;
}

/**
 * The CloudBase entry point for a handler. The caller's identity comes from
 * the platform's context, never from the event, and only the platform can
 * say that a timer fired: a client can send a timer-shaped event, not set
 * TRIGGER_SRC.
 */
export function toCloudbaseMain(handler: FunctionHandler, makeDeps: () => Deps = productionDeps) {
  return async function main(event: unknown, context: unknown) {
    const ctx = tcb.getCloudbaseContext(context as Parameters<typeof tcb.getCloudbaseContext>[0]);
    return handler.invoke(
      event,
      { openid: ctx.WX_OPENID || null, source: ctx.TRIGGER_SRC === 'timer' ? 'timer' : 'client' },
      makeDeps(),
    );
  };
}
