import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildFunctions } from './build-functions';

/*
 * Bundle sizes and cold-start cost: how long a fresh `node` takes to require each bundle,
 * next to a bare `node -e 0` timed in the same run (interleaved, so both see the same
 * machine), as the median of several runs. The whole-SDK bundles are built beside the
 * deployed ones for comparison.   npx tsx scripts/bench-bundles.ts [--runs 21]
 */
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 15;

const timeNode = (args: string[]): number => {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { stdio: 'ignore' });
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${r.status}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'bench-bundles-'));
  try {
    const variants = [
      { label: 'deployed', sizes: await buildFunctions({ outDir: join(dir, 'slim'), quiet: true }), dir: join(dir, 'slim') },
      { label: 'whole SDK', sizes: await buildFunctions({ outDir: join(dir, 'full'), quiet: true, slim: false }), dir: join(dir, 'full') },
    ];
    const bare: number[] = [];
    const loads = new Map<string, number[]>();
    for (let i = 0; i < runs; i++) {
      bare.push(timeNode(['-e', '0']));
      for (const v of variants) {
        for (const s of v.sizes) {
          const key = `${v.label}/${s.name}`;
          loads.set(key, [...(loads.get(key) ?? []), timeNode(['-e', `require(${JSON.stringify(join(v.dir, s.name, 'index.js'))})`])]);
        }
      }
    }
    const base = median(bare);
    console.log(`node ${process.version}, ${runs} runs each, medians; bare \`node -e 0\`: ${base.toFixed(0)} ms\n`);
    console.log('bundle               size       cold require   × bare node');
    for (const v of variants) {
      for (const s of v.sizes) {
        const t = median(loads.get(`${v.label}/${s.name}`)!);
        console.log(
          `${`${v.label}/${s.name}`.padEnd(20)} ${`${(s.bytes / 1024).toFixed(0)} KB`.padStart(8)}   ${`${t.toFixed(0)} ms`.padStart(10)}   ${(t / base).toFixed(2).padStart(8)}`,
        );
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
