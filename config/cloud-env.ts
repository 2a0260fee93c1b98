/**
 * The CloudBase environment a WeChat build talks to. Current WeChat docs require `env` in
 * `wx.cloud.init`, so a build meant for WeChat must name one; only a local/dev build (the tests,
 * a quick look in DevTools) may go without, and then uses the environment DevTools has selected.
 */
export const CLOUD_ENV_VAR = 'TARO_APP_CLOUD_ENV';
export const ALLOW_NO_ENV_VAR = 'WEAPP_ALLOW_NO_ENV';
export const DEV_FLAG = '--dev';

/** CloudBase environment ids are letters, digits and hyphens, e.g. `warm-village-1a2b3c`. */
const ENV_ID = /^[a-z0-9][a-z0-9-]{1,62}$/i;
/** The README's placeholder, copied by hand more than once. */
const PLACEHOLDERS = new Set(['your-env-id']);

export type WeappBuildPlan = { ok: true; envId: string; taroArgs: string[]; warning: string | null } | { ok: false; message: string };

/** Reads the environment id and dev switches; says what `taro build --type weapp` gets, or why it must not run. */
export function planWeappBuild(env: Record<string, string | undefined>, args: string[]): WeappBuildPlan {
  const envId = (env[CLOUD_ENV_VAR] ?? '').trim();
  const devMode = args.includes(DEV_FLAG) || env[ALLOW_NO_ENV_VAR] === '1';
  const taroArgs = ['build', '--type', 'weapp', ...args.filter((a) => a !== DEV_FLAG)];
  if (envId) {
    if (PLACEHOLDERS.has(envId.toLowerCase())) {
      return {
        ok: false,
        message: `${CLOUD_ENV_VAR}="${envId}" is the README's placeholder: use your own environment id (WeChat DevTools → 云开发 → 设置).`,
      };
    }
    if (!ENV_ID.test(envId)) {
      return {
        ok: false,
        message: `${CLOUD_ENV_VAR}="${envId}" is not a CloudBase environment id (letters, digits and hyphens, as shown in WeChat DevTools → 云开发 → 设置).`,
      };
    }
    return { ok: true, envId, taroArgs, warning: null };
  }
  if (devMode) {
    return {
      ok: true,
      envId: '',
      taroArgs,
      warning: `local/dev build without ${CLOUD_ENV_VAR}: the app uses whichever environment WeChat DevTools has selected. Do not upload this build.`,
    };
  }
  return {
    ok: false,
    message: [
      `${CLOUD_ENV_VAR} is empty: a WeChat build must name its CloudBase environment (wx.cloud.init requires env).`,
      `  TARO_APP_CLOUD_ENV=your-env-id npm run build:weapp`,
      `For a local/dev build that uses the environment selected in DevTools: npm run build:weapp -- ${DEV_FLAG}  (or ${ALLOW_NO_ENV_VAR}=1)`,
    ].join('\n'),
  };
}
