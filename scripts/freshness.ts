import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The newest modification time under `paths` (files or folders), in ms. */
export function newestMtime(paths: string[]): number {
  let newest = 0;
  const visit = (p: string) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const entry of readdirSync(p)) if (entry !== 'node_modules') visit(join(p, entry));
    } else newest = Math.max(newest, st.mtimeMs);
  };
  paths.forEach(visit);
  return newest;
}

/** Whether `output` is missing or older than any of `inputs`. */
export const isStale = (output: string, inputs: string[]): boolean => !existsSync(output) || statSync(output).mtimeMs < newestMtime(inputs);

const root = join(__dirname, '..');

/** What a Taro build reads, and the file each build writes last. */
export const TARO_INPUTS = ['src', 'types', 'config', 'babel.config.js', 'package.json'].map((p) => join(root, p));
export const TARO_MARKERS = { h5: join(root, 'dist-h5/index.html'), weapp: join(root, 'dist/app.js') } as const;
export type TaroTarget = keyof typeof TARO_MARKERS;

/**
 * Runs `taro build` for `target` unless its output is newer than every source; returns whether it built.
 * Quiet builds keep Taro's chatter out of test output and show it only when the build fails.
 */
export function ensureTaroBuild(target: TaroTarget, { quiet = false, onBuild = () => {} } = {}): boolean {
  if (!isStale(TARO_MARKERS[target], TARO_INPUTS)) return false;
  onBuild();
  const r = spawnSync('npx', ['taro', 'build', '--type', target], {
    cwd: root,
    // Jest sets NODE_ENV=test, which Taro would take as its build mode: build what ships.
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: quiet ? 'pipe' : 'inherit',
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) {
    const output = `${r.stdout ?? ''}${r.stderr ?? ''}`.slice(-4000);
    throw new Error(`${target} build failed (run npm run build:${target} to see why)\n${output}`);
  }
  return true;
}
