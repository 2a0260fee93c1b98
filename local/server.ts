import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handlers } from '../cloudfunctions/registry';
import type { FunctionHandler } from '../cloudfunctions/core/handler/define';
import type { Deps } from '../cloudfunctions/core/handler/deps';
import type { LocalFileStore } from '../cloudfunctions/core/adapters/local-files';
import type { MovableClock } from './clock';
import { clockState, fireAll, readClockBody } from './dev-routes';
import { fileRoutes } from './files-routes';
import { listDevUsers } from './dev-users';
import { ClientGone, failure, HttpError, readJson, send } from './http';
import { serveStatic } from './static';
import { timerScheduler, type TimerSpec } from './timers';

export { MAX_BODY_BYTES } from './http';

export interface StandInOptions {
  deps: Deps & { clock: MovableClock; files: LocalFileStore };
  staticDir: string;
  port?: number;
  host?: string;
  /** Fire timers on their cron (off in tests that tick by hand). */
  timers?: boolean;
  log?: (line: string) => void;
  /** The functions to serve: the deployable registry unless a test brings its own. */
  functions?: Record<string, FunctionHandler>;
}

export interface StandIn {
  url: string;
  close(): Promise<void>;
  scheduler: ReturnType<typeof timerScheduler>;
}

type Handle = (req: IncomingMessage, res: ServerResponse, params: (string | undefined)[]) => Promise<void>;
interface Route {
  pattern: RegExp;
  methods: Map<string, Handle>;
}

/**
 * A local stand-in for CloudBase: serves the H5 build and runs the very same
 * cloud-function handlers on the embedded store. The `/api/dev/*` endpoints
 * exist only here, never in a deployed bundle.
 */
export async function startStandIn(options: StandInOptions): Promise<StandIn> {
  const { deps, staticDir, port = 8787, host = '127.0.0.1', log = console.log } = options;
  const clock = deps.clock;
  // A Map, not the registry object: a name from the URL such as `constructor` or
  // `__proto__` must find nothing rather than something every object inherits.
  const registry = new Map<string, FunctionHandler>(Object.entries(options.functions ?? handlers));
  const timersOf = (fn: string) => (registry.get(fn)?.contract.timers ?? []).map((t) => t.name);
  const fireTimer = (fn: string, timer: string) => registry.get(fn)!.invoke({}, { openid: null, source: 'timer', trigger: timer }, deps);

  const schedule: TimerSpec[] = [...registry].flatMap(([fn, h]) =>
    (h.contract.timers ?? []).map((t) => ({ functionName: fn, timerName: t.name, cron: t.cron, fire: () => fireTimer(fn, t.name) })),
  );
  const scheduler = timerScheduler(schedule, clock, log);

  const routes: Route[] = [
    {
      pattern: /^\/api\/functions\/([\w-]+)$/,
      methods: new Map<string, Handle>([
        [
          'POST',
          async (req, res, [name]) => {
            const handler = registry.get(name!);
            if (!handler) throw new HttpError(404, 'COMMON.UNKNOWN_ACTION');
            const body = await readJson(req);
            const openid = String(req.headers['x-dev-openid'] ?? '').trim() || null;
            send(res, 200, await handler.invoke(body, { openid, source: 'client' }, deps));
          },
        ],
      ]),
    },
    ...fileRoutes(deps.files, deps.store),
    {
      pattern: /^\/api\/dev\/users$/,
      methods: new Map<string, Handle>([['GET', async (_req, res) => send(res, 200, await listDevUsers(deps.store))]]),
    },
    {
      // `/api/dev/timers/<function>` fires all of the function's timers, `/<function>/<timer>` one.
      pattern: /^\/api\/dev\/timers\/([\w-]+)(?:\/([\w-]+))?$/,
      methods: new Map<string, Handle>([
        [
          'POST',
          async (_req, res, [fn, timer]) => {
            const names = timersOf(fn!);
            if (timer === undefined) {
              if (names.length === 0) throw new HttpError(404, 'COMMON.UNKNOWN_ACTION');
              log(`[timer] ${fn} (all ${names.length}) fired by hand`);
              return send(res, 200, await fireAll(names, (t) => fireTimer(fn!, t)));
            }
            if (!names.includes(timer)) throw new HttpError(404, 'COMMON.UNKNOWN_ACTION');
            log(`[timer] ${fn}/${timer} fired by hand`);
            send(res, 200, await fireTimer(fn!, timer));
          },
        ],
      ]),
    },
    {
      pattern: /^\/api\/dev\/clock$/,
      methods: new Map<string, Handle>([
        ['GET', async (_req, res) => send(res, 200, clockState(clock))],
        [
          'POST',
          async (req, res) => {
            clock.set(readClockBody(await readJson(req)));
            log(`[clock] now ${clock.now().toISOString()}${clock.isReal() ? ' (real time)' : ''}`);
            send(res, 200, clockState(clock));
          },
        ],
      ]),
    },
  ];

  async function api(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    for (const route of routes) {
      const match = route.pattern.exec(path);
      if (!match) continue;
      const handle = route.methods.get(req.method ?? '');
      if (!handle) throw new HttpError(405, 'COMMON.UNKNOWN_ACTION', { allow: [...route.methods.keys()].join(', ') });
      return handle(req, res, match.slice(1));
    }
    throw new HttpError(404, 'COMMON.UNKNOWN_ACTION');
  }

  function fail(req: IncomingMessage, res: ServerResponse, e: unknown): void {
    if (e instanceof ClientGone) return void res.destroy();
    if (e instanceof HttpError) return send(res, e.status, failure(e.code), e.headers);
    deps.log.error(`[stand-in] ${req.method} ${req.url} failed`, e);
    send(res, 500, failure('COMMON.INTERNAL'));
  }

  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    try {
      if (!path.startsWith('/api/')) return serveStatic(staticDir, req, res);
      api(req, res, path).catch((e: unknown) => fail(req, res, e));
    } catch (e) {
      // Nothing a request does may end the process: a throw here would be uncaught.
      fail(req, res, e);
    }
  });
  await new Promise<void>((ok, failed) => {
    server.once('error', failed);
    server.listen(port, host, () => ok());
  });
  if (options.timers !== false) scheduler.start();
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host}:${address.port}`,
    scheduler,
    close: () =>
      new Promise<void>((ok) => {
        scheduler.stop();
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
