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
export const isStale = (output: string, inputs: string[]): boolean =>
  !existsSync(output) || statSync(output).mtimeMs < newestMtime(inputs);

export const H5_INPUTS = ['src', 'types', 'config', 'babel.config.js', 'package.json'];
export const H5_MARKER = 'dist-h5/index.html';
