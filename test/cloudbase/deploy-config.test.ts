import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  checkDeploymentConfig,
  devtoolsConfig,
  OPENAPI_PERMISSIONS,
  readCloudbaserc,
  TIMER_TIMEOUT_S,
} from '../../scripts/build-functions';
import { contracts } from '../../types';

type Config = ReturnType<typeof readCloudbaserc>;
const repo = readCloudbaserc();
const edited = (edit: (c: Config) => void): Config => {
  const copy = JSON.parse(JSON.stringify(repo)) as Config;
  edit(copy);
  return copy;
};
const wishes = (c: Config) => c.functions.find((f) => f.name === 'wishes')!;

describe('cloudbaserc.json against the contracts', () => {
  it('holds for the repository as it is', () => {
    expect(
      checkDeploymentConfig(repo)
        .map((f) => f.name)
        .sort(),
    ).toEqual(Object.keys(contracts).sort());
  });

  it('gives every timer of a contract its own trigger, same name and cron, in any order', () => {
    const declared = contracts.wishes.timers ?? [];
    expect(wishes(repo).triggers).toEqual(declared.map((t) => ({ name: t.name, type: 'timer', config: t.cron })));
    const reversed = edited((c) => wishes(c).triggers?.reverse());
    expect(() => checkDeploymentConfig(reversed)).not.toThrow();
  });

  it('refuses a missing, renamed, rescheduled or extra trigger', () => {
    expect(() => checkDeploymentConfig(edited((c) => (wishes(c).triggers = [])))).toThrow('triggers of wishes differ');
    expect(() => checkDeploymentConfig(edited((c) => (wishes(c).triggers![0].name = 'nightly')))).toThrow('triggers of wishes differ');
    expect(() => checkDeploymentConfig(edited((c) => (wishes(c).triggers![0].config = '0 0 9 * * * *')))).toThrow(
      'triggers of wishes differ',
    );
    const extra = edited((c) => {
      c.functions.find((f) => f.name === 'inbox')!.triggers = [{ name: 'x', type: 'timer', config: '0 0 1 * * * *' }];
    });
    expect(() => checkDeploymentConfig(extra)).toThrow('triggers of inbox differ');
  });

  it("gives a function with timers CloudBase's longest timeout", () => {
    expect(wishes(repo).timeout).toBe(TIMER_TIMEOUT_S);
    expect(() => checkDeploymentConfig(edited((c) => (wishes(c).timeout = 20)))).toThrow('timeout must be 60 s');
  });

  it('refuses a function without a contract and a contract without a function', () => {
    expect(() => checkDeploymentConfig(edited((c) => c.functions.push({ ...wishes(c), name: 'parcels' })))).toThrow(
      'parcels, which has no contract',
    );
    expect(() => checkDeploymentConfig(edited((c) => (c.functions = c.functions.filter((f) => f.name !== 'users'))))).toThrow(
      'does not list function users',
    );
  });
});

describe('config.json for WeChat DevTools', () => {
  it("declares the cloud-call permissions and the contract's timers", () => {
    expect(OPENAPI_PERMISSIONS.wishes).toContain('subscribeMessage.send');
    expect(devtoolsConfig('users').permissions.openapi).toEqual(['subscribeMessage.send', 'wxacode.getUnlimited']);
    expect(devtoolsConfig('wishes')).toEqual({
      permissions: { openapi: ['subscribeMessage.send', 'security.msgSecCheck'] },
      triggers: [{ name: 'daily', type: 'timer', config: '0 0 8 * * * *' }],
    });
    expect(devtoolsConfig('inbox').triggers).toEqual([]);
  });
});

describe("the README's .env.local example", () => {
  it("puts no comment on a value line, since the CLI's dotenv would read it into the value", () => {
    const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
    const block = /```bash\n(# \.env\.local[^\n]*\n[\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBeDefined();
    const values = block!.split('\n').filter((l) => l.trim() && !l.trim().startsWith('#'));
    expect(values.length).toBeGreaterThan(0);
    for (const line of values) expect(line).toMatch(/^[A-Z][A-Z0-9_]*=[^#\s]*$/);
  });
});
