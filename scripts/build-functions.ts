import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { contracts } from '../types';

export const OUT_DIR = 'build/functions';

interface FunctionConfig {
  name: string;
  runtime: string;
  timeout: number;
  memorySize: number;
  triggers?: { name: string; type: 'timer'; config: string }[];
  envVariables?: Record<string, string>;
}

export const readCloudbaserc = (): { functions: FunctionConfig[] } => JSON.parse(readFileSync('cloudbaserc.json', 'utf8'));

/** Deployment settings live in cloudbaserc.json; they must agree with the contract, or a timer would silently never fire. */
export function checkDeploymentConfig(): FunctionConfig[] {
  const { functions } = readCloudbaserc();
  const problems: string[] = [];
  for (const [name, contract] of Object.entries(contracts)) {
    const fn = functions.find((f) => f.name === name);
    if (!fn) problems.push(`cloudbaserc.json does not list function ${name}`);
    else if (JSON.stringify(fn.triggers ?? []) !== JSON.stringify(contract.timer ? [{ name: contract.timer.name, type: 'timer', config: contract.timer.cron }] : [])) {
      problems.push(`cloudbaserc.json triggers of ${name} differ from its contract's timer`);
    }
    if (!existsSync(join('cloudfunctions', name, 'index.ts'))) problems.push(`cloudfunctions/${name}/index.ts is missing`);
  }
  for (const f of functions) if (!(f.name in contracts)) problems.push(`cloudbaserc.json lists ${f.name}, which has no contract`);
  if (problems.length) throw new Error(problems.join('\n'));
  return functions;
}

/** Bundles every function into build/functions/<name>/: index.js (everything inlined), package.json, config.json. */
export async function buildFunctions({ quiet = false } = {}): Promise<{ name: string; bytes: number }[]> {
  const started = Date.now();
  const functions = checkDeploymentConfig();
  rmSync(OUT_DIR, { recursive: true, force: true });
  const sizes: { name: string; bytes: number }[] = [];
  for (const fn of functions) {
    const dir = join(OUT_DIR, fn.name);
    mkdirSync(dir, { recursive: true });
    await build({
      entryPoints: [join('cloudfunctions', fn.name, 'index.ts')],
      outfile: join(dir, 'index.js'),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node16',
      minify: true,
      legalComments: 'none',
      logLevel: 'error',
    });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: fn.name, version: '1.0.0', private: true, main: 'index.js' }, null, 2));
    // WeChat DevTools reads triggers and permissions from config.json when it uploads a function.
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ permissions: { openapi: ['subscribeMessage.send'] }, triggers: fn.triggers ?? [] }, null, 2));
    sizes.push({ name: fn.name, bytes: statSync(join(dir, 'index.js')).size });
  }
  if (!quiet) {
    for (const s of sizes) console.log(`${OUT_DIR}/${s.name}/index.js  ${(s.bytes / 1024).toFixed(1)} KB`);
    console.log(`${sizes.length} functions bundled in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  return sizes;
}

if (require.main === module) {
  buildFunctions().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
