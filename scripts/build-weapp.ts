import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { planWeappBuild } from '../config/cloud-env';

/**
 * `npm run build:weapp`: the WeChat build, refused when it would not name its CloudBase
 * environment (TARO_APP_CLOUD_ENV), unless asked for a local/dev build with `--dev` or
 * WEAPP_ALLOW_NO_ENV=1. Other arguments go to `taro build` (e.g. `-- --dev --watch`).
 */
export function main(args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const plan = planWeappBuild(env, args);
  if (!plan.ok) {
    console.error(`✖ build:weapp refused\n${plan.message}`);
    return 1;
  }
  if (plan.warning) console.warn(`⚠ ${plan.warning}`);
  else console.log(`building the WeChat mini-program for CloudBase environment ${plan.envId} → dist/`);
  const taro = join(__dirname, '..', 'node_modules', '@tarojs', 'cli', 'bin', 'taro');
  const r = spawnSync(process.execPath, [taro, ...plan.taroArgs], {
    cwd: join(__dirname, '..'),
    env: { ...env, TARO_APP_CLOUD_ENV: plan.envId },
    stdio: 'inherit',
  });
  return r.status ?? 1;
}

if (require.main === module) process.exit(main(process.argv.slice(2)));
