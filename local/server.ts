import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { messageFor, type ErrorCode } from '../types';
import { handlers } from '../cloudfunctions/registry';
import type { Deps } from '../cloudfunctions/core/handler/deps';
import type { MovableClock } from './clock';
import { listDevUsers } from './dev-users';
import { serveStatic } from './static';
import { timerScheduler } from './timers';

/** CloudBase refuses callFunction payloads over about 256 KB; so does the stand-in. */
export const MAX_BODY_BYTES = 256 * 1024;

export interface StandInOptions {
  deps: Deps & { clock: MovableClock };
  staticDir: string;
  port?: number;
  host?: string;
  /** Fire timers on their cron (off in tests that tick by hand). */
  timers?: boolean;
  log?: (line: string) => void;
}

export interface StandIn {
  url: string;
  close(): Promise<void>;
  scheduler: ReturnType<typeof timerScheduler>;
}

class HttpError extends Error {
  constructor(readonly status: number, readonly code: ErrorCode) {
    super(code);
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(JSON.stringify(body));
}

const failure = (code: ErrorCode) => ({ ok: false, error: { code, message: messageFor(code) } });

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'COMMON.BAD_REQUEST');
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return {};
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'COMMON.BAD_REQUEST');
  }
}

/**
 * A local stand-in for CloudBase: serves the H5 build and runs the very same
 * cloud-function handlers on the embedded store. The `/api/dev/*` endpoints
 * exist only here, never in a deployed bundle.
 */
export async function startStandIn(options: StandInOptions): Promise<StandIn> {
  const { deps, staticDir, port = 8787, host = '127.0.0.1', log = console.log } = options;
  const clock = deps.clock;
  const fireTimer = (name: string) => handlers[name].invoke({}, { openid: null, source: 'timer' }, deps);
  const scheduler = timerScheduler(
    Object.entries(handlers)
      .filter(([, h]) => h.contract.timer)
      .map(([name, h]) => ({ functionName: name, cron: h.contract.timer!.cron, fire: () => fireTimer(name) })),
    clock,
    log,
  );

  async function api(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const fn = /^\/api\/functions\/([\w-]+)$/.exec(path);
    if (fn && req.method === 'POST') {
      const handler = handlers[fn[1]];
      if (!handler) return send(res, 404, failure('COMMON.UNKNOWN_ACTION'));
      const body = await readJson(req);
      const openid = String(req.headers['x-dev-openid'] ?? '').trim() || null;
      return send(res, 200, await handler.invoke(body, { openid, source: 'client' }, deps));
    }
    if (path === '/api/dev/users' && req.method === 'GET') return send(res, 200, await listDevUsers(deps.store));
    const timer = /^\/api\/dev\/timers\/([\w-]+)$/.exec(path);
    if (timer && req.method === 'POST') {
      if (!handlers[timer[1]]?.contract.timer) return send(res, 404, failure('COMMON.UNKNOWN_ACTION'));
      log(`[timer] ${timer[1]} fired by hand`);
      return send(res, 200, await fireTimer(timer[1]));
    }
    if (path === '/api/dev/clock') {
      if (req.method === 'POST') {
        const body = (await readJson(req)) as { now?: unknown };
        if (body.now === null) clock.set(null);
        else if (typeof body.now === 'string' && !Number.isNaN(Date.parse(body.now))) clock.set(new Date(body.now));
        else return send(res, 400, failure('COMMON.INVALID_INPUT'));
        log(`[clock] now ${clock.now().toISOString()}${clock.isReal() ? ' (real time)' : ''}`);
      }
      return send(res, 200, { now: clock.now().toISOString(), real: clock.isReal() });
    }
    send(res, 404, failure('COMMON.UNKNOWN_ACTION'));
  }

  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (!path.startsWith('/api/')) return serveStatic(staticDir, req, res);
    api(req, res, path).catch((e: unknown) => {
      if (e instanceof HttpError) return send(res, e.status, failure(e.code));
      deps.log.error('[stand-in] request failed', e);
      send(res, 500, failure('COMMON.INTERNAL'));
    });
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
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
