import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/**
 * A warm CloudBase function container for a built bundle: a child Node process with
 * Node 16's missing globals removed, the platform's environment and the function's
 * own environment variables (from cloudbaserc.json as the CLI renders them).
 */
export interface FunctionContainer {
  /** What `main(event, context)` answered; per-call platform variables (WX_OPENID, TRIGGER_SRC) go in `environment`. */
  invoke(event: unknown, environment?: Record<string, string>): Promise<unknown>;
  /** Everything the function wrote to stdout and stderr so far. */
  output(): string;
  /** Milliseconds it took to require the bundle. */
  loadMs: number;
  stop(): Promise<void>;
}

export async function startFunction(bundle: string, env: Record<string, string>): Promise<FunctionContainer> {
  const child: ChildProcess = fork(join(__dirname, 'scf-runner.cjs'), [bundle], {
    // A clean environment: nothing of the test process leaks in but PATH.
    env: { PATH: process.env.PATH ?? '', ...env } as unknown as NodeJS.ProcessEnv,
    execArgv: ['--require', join(__dirname, 'node16-preload.cjs')],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let out = '';
  child.stdout!.on('data', (b: Buffer) => (out += b.toString('utf8')));
  child.stderr!.on('data', (b: Buffer) => (out += b.toString('utf8')));
  const pending = new Map<number, { ok: (v: unknown) => void; fail: (e: Error) => void }>();
  let next = 0;
  const loadMs = await new Promise<number>((ok, fail) => {
    child.once('exit', (code) => fail(new Error(`function exited with ${code} before it was ready:\n${out}`)));
    child.on('message', (m: { ready?: boolean; loadMs?: number; id?: number; result?: unknown; thrown?: string }) => {
      if (m.ready) return ok(m.loadMs!);
      const p = pending.get(m.id!);
      pending.delete(m.id!);
      if (m.thrown !== undefined) p?.fail(new Error(`main threw: ${m.thrown}`));
      else p?.ok(m.result);
    });
  });
  child.removeAllListeners('exit');
  child.on('exit', () => pending.forEach((p) => p.fail(new Error(`function exited:\n${out}`))));
  return {
    loadMs,
    invoke: (event, environment = {}) =>
      new Promise((ok, fail) => {
        const id = ++next;
        pending.set(id, { ok, fail });
        child.send({ id, event, environment });
      }),
    output: () => out,
    stop: () =>
      new Promise((ok) => {
        if (child.exitCode !== null) return ok();
        child.once('exit', () => ok());
        child.kill();
      }),
  };
}
