import { rmSync } from 'node:fs';
import { roleLabels } from '../types';
import { movableClock } from '../local/clock';
import { DEFAULT_DATA_FILE, DEFAULT_PORT, localDeps, openLocalStore, publicUrlFromEnv, uploadsDirFor } from '../local/deps';
import { latencyFromEnv } from '../local/latency-store';
import { listDevUsers } from '../local/dev-users';
import { ensureDemoInvite, seedIfEmpty } from '../local/seed';
import { startStandIn } from '../local/server';
import { buildFunctions } from './build-functions';
import { ensureTaroBuild } from './freshness';

const started = Date.now();
const dataFile = process.env.DATA_FILE ?? DEFAULT_DATA_FILE;
const port = Number(process.env.PORT ?? DEFAULT_PORT);

function step(label: string) {
  console.log(`\n▶ ${label}`);
}

async function main() {
  // CloudBase's round trip, to show locally the races it causes: every store call the functions make waits this long.
  // Read first, so that a bad value stops the start before any build.
  const latencyMs = latencyFromEnv(process.env.STORE_LATENCY_MS);
  const publicUrl = publicUrlFromEnv(process.env.PUBLIC_URL, port);
  if (process.argv.includes('--fresh') && dataFile !== ':memory:') {
    rmSync(dataFile.replace(/[^/]+$/, ''), { recursive: true, force: true });
    console.log('已清空本地数据 (local data wiped)');
  }

  step('bundling cloud functions → build/functions/');
  await buildFunctions({ quiet: true });

  const built = ensureTaroBuild('h5', {
    quiet: true,
    onBuild: () => step('building the H5 version of the mini-program → dist-h5/ (about 30 s)'),
  });
  if (!built) step('H5 build is up to date');

  const clock = movableClock();
  const store = openLocalStore(dataFile);
  // Seeding below uses the store directly: only the functions' calls pay the latency.
  const deps = localDeps(store, clock, { latencyMs, publicUrl, uploadsDir: uploadsDirFor(dataFile) });
  if (await seedIfEmpty(store, clock)) console.log(`已生成演示数据 (demo county seeded into ${dataFile})`);
  const invite = await ensureDemoInvite(store, clock, deps.ids);
  const standIn = await startStandIn({ deps, staticDir: 'dist-h5', port });

  const users = await listDevUsers(store);
  console.log('\n演示账号 (demo accounts; pick one in the browser):');
  console.table(users.map((u) => ({ 角色: roleLabels[u.role], 姓名: u.name, 村: u.villageName ?? '石桥镇', openid: u.openid })));
  if (process.env.PUBLIC_URL) console.log(`邀请二维码指向 (invite QR codes open) ${publicUrl}`);
  if (latencyMs > 0) console.log(`数据库延迟 (STORE_LATENCY_MS): 每次存储调用前等待 ${latencyMs} ms`);
  if (invite) console.log(`新微信用户的演示邀请码 (invite code for "新微信用户"): ${invite.code}  → ${invite.memberName}`);
  console.log(
    `\n✔ ready in ${((Date.now() - started) / 1000).toFixed(1)} s: open ${standIn.url}\n  (Ctrl+C to stop; data in ${dataFile}; npm run start:fresh starts afresh)`,
  );

  const stop = async () => {
    await standIn.close();
    store.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
