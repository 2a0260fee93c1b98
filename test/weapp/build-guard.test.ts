import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { planWeappBuild } from '../../config/cloud-env';

/*
 * npm run build:weapp builds what goes to WeChat, so it must name the CloudBase environment:
 * current WeChat docs refuse wx.cloud.init without `env`. Only an explicit local/dev build may
 * go without (the tests build dist/ through scripts/freshness.ts, which calls taro directly).
 */
describe('the WeChat build guard', () => {
  it('refuses a build without TARO_APP_CLOUD_ENV and says how to give one', () => {
    for (const env of [{}, { TARO_APP_CLOUD_ENV: '' }, { TARO_APP_CLOUD_ENV: '   ' }]) {
      const plan = planWeappBuild(env, []);
      expect(plan).toMatchObject({ ok: false, message: expect.stringContaining('TARO_APP_CLOUD_ENV is empty') });
      expect(plan.ok || plan.message).toContain('--dev');
    }
  });

  it('builds for the named environment and passes other arguments to taro', () => {
    expect(planWeappBuild({ TARO_APP_CLOUD_ENV: ' warm-village-1a2b3c ' }, ['--watch'])).toEqual({
      ok: true,
      envId: 'warm-village-1a2b3c',
      taroArgs: ['build', '--type', 'weapp', '--watch'],
      warning: null,
    });
  });

  it('allows a local/dev build without an environment only when asked, and warns that it must not be uploaded', () => {
    for (const [env, args] of [
      [{ WEAPP_ALLOW_NO_ENV: '1' }, []],
      [{}, ['--dev']],
    ] as const) {
      const plan = planWeappBuild(env, [...args]);
      expect(plan).toMatchObject({ ok: true, envId: '', taroArgs: ['build', '--type', 'weapp'] });
      expect(plan.ok && plan.warning).toContain('Do not upload');
    }
    expect(planWeappBuild({ WEAPP_ALLOW_NO_ENV: 'yes' }, []).ok).toBe(false);
  });

  it('refuses the README placeholder and ids CloudBase would never issue', () => {
    expect(planWeappBuild({ TARO_APP_CLOUD_ENV: 'your-env-id' }, [])).toMatchObject({
      ok: false,
      message: expect.stringContaining('placeholder'),
    });
    expect(planWeappBuild({ TARO_APP_CLOUD_ENV: 'env id;rm' }, [])).toMatchObject({
      ok: false,
      message: expect.stringContaining('not a CloudBase environment id'),
    });
  });

  it('makes npm run build:weapp exit non-zero with the reason before Taro starts', () => {
    const root = join(__dirname, '../..');
    const env: NodeJS.ProcessEnv = { ...process.env, TARO_APP_CLOUD_ENV: '' };
    delete env.WEAPP_ALLOW_NO_ENV;
    const r = spawnSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/build-weapp.ts'], {
      cwd: root,
      env,
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('build:weapp refused');
    expect(r.stderr).toContain('TARO_APP_CLOUD_ENV is empty');
    expect(r.stdout).not.toContain('Taro');
  });
});
