/**
 * The constants Taro bakes into each build. WECHAT_SI_PLUGIN once went undefined in every build, so
 * voice input and reading aloud stayed off in WeChat even in a build that declared the plugin.
 */
type Constants = Record<string, string>;

async function constantsFor(env: Record<string, string | undefined>): Promise<Constants> {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete process.env[k];
  try {
    let config: unknown;
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- read anew under each environment
      config = require('../../config/index').default;
    });
    const build = await (config as (merge: (...c: object[]) => object, env: object) => Promise<{ defineConstants: Constants }>)(
      (...parts: object[]) => Object.assign({}, ...parts),
      { command: 'build', mode: 'production' },
    );
    return build.defineConstants;
  } finally {
    process.env = saved;
  }
}

describe('the constants of each build', () => {
  it('switches the 微信同声传译 plugin on only in a WeChat build that declares it', async () => {
    expect((await constantsFor({ TARO_ENV: 'weapp', WECHAT_SI_PLUGIN: '1' })).WECHAT_SI_PLUGIN).toBe('true');
    expect((await constantsFor({ TARO_ENV: 'weapp', WECHAT_SI_PLUGIN: undefined })).WECHAT_SI_PLUGIN).toBe('false');
    expect((await constantsFor({ TARO_ENV: 'h5', WECHAT_SI_PLUGIN: '1' })).WECHAT_SI_PLUGIN).toBe('false');
  });
});
