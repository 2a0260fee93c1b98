import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/*
 * Loads the compiled WeChat page (dist/pages/settings) into miniprogram-simulate, which renders
 * WXML with WeChat's own compiler. This checks what jsdom tests cannot: that Taro's weapp output,
 * templates and event wiring really produce the text-size behaviour every page depends on.
 */
const dist = join(__dirname, '../../dist');
const storage = new Map<string, unknown>();

type Options = Record<string, unknown> & { data?: Record<string, unknown> };
let app: Options | undefined;
const g = globalThis as Record<string, unknown>;
g.wx = {
  getStorageSync: (key: string) => storage.get(key) ?? '',
  setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
  cloud: { init: () => undefined },
};
g.App = (options: Options) => {
  app = options;
};
g.getApp = () => app;
g.getCurrentPages = () => [];
// miniprogram-simulate only knows Component(); a Page is a component whose handlers are methods.
g.Page = (options: Options) => {
  const { data, ...rest } = options;
  const methods = Object.fromEntries(Object.entries(rest).filter(([, v]) => typeof v === 'function'));
  (g.Component as (o: unknown) => void)({
    data,
    methods,
    lifetimes: {
      attached(this: Record<string, (...args: unknown[]) => void>) {
        this.onLoad?.({});
        this.onShow?.();
        this.onReady?.();
      },
    },
  });
};

// eslint-disable-next-line @typescript-eslint/no-require-imports
const simulate = require('miniprogram-simulate');

/** Taro batches its setData calls: wait until the rendered page says `text`, for up to 5 s. */
async function until(root: () => HTMLElement | undefined, text: string): Promise<void> {
  for (let waited = 0; waited < 5000; waited += 50) {
    if (root()?.textContent?.includes(text)) return;
    await simulate.sleep(50);
  }
}

function launch() {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the compiled app registers itself through the App() shim
  require(join(dist, 'app.js'));
  (app?.onLaunch as ((o: unknown) => void) | undefined)?.call(app, { path: 'pages/settings/index', query: {} });
  (app?.onShow as ((o: unknown) => void) | undefined)?.call(app, { path: 'pages/settings/index', query: {} });
}

describe('compiled weapp settings page', () => {
  beforeAll(launch);

  it('renders in Chinese and switches the whole page to 大字', async () => {
    const id = simulate.load(join(dist, 'pages/settings/index'), { rootPath: dist });
    const page = simulate.render(id);
    page.attach(document.createElement('parent-wrapper'));
    const root = page.dom as HTMLElement;
    await until(() => root, '✓ 标准');

    expect(root.textContent).toContain('字号');
    const shell = () => root.firstElementChild as HTMLElement;
    expect(shell().className).toContain('text-standard');
    expect(storage.get('text-size')).toBeUndefined();

    const chips = page.querySelectorAll('.chip') as { dom: HTMLElement; dispatchEvent(name: string): void }[];
    expect(chips.map((c) => c.dom.textContent)).toEqual(['✓ 标准', '大字']);
    chips[1].dispatchEvent('tap');
    await until(() => root, '✓ 大字');

    expect(shell().className).toContain('text-large');
    expect(chips.map((c) => c.dom.textContent)).toEqual(['标准', '✓ 大字']);
    expect(storage.get('text-size')).toBe('large');
  });
});

/** The largest rpx value a declaration of `property` gets under `selector` in the compiled shared styles. */
function rpx(selector: string, property: string): number {
  const css = readFileSync(join(dist, 'common.wxss'), 'utf8');
  const rules = [...css.matchAll(/([^{}]+)\{([^}]*)\}/g)].filter(([, sel]) => sel.split(',').some((s) => s.trim() === selector));
  const values = rules.flatMap(([, , body]) =>
    [...body.matchAll(new RegExp(`(?:^|;)${property}:(\\d+)rpx`, 'g'))].map((m) => Number(m[1])),
  );
  return Math.max(0, ...values);
}

describe('compiled weapp styles', () => {
  // 750 rpx is the screen width; on a 375-wide phone 1 CSS px = 2 rpx.
  it('keeps 大字 body and input text at 22 px or more, secondary text at 18 px, tap targets at 60 px', () => {
    expect(rpx('.text-large', 'font-size')).toBeGreaterThanOrEqual(44);
    expect(rpx('.text-large .big-button', 'font-size')).toBeGreaterThanOrEqual(44);
    expect(rpx('.text-large .field', 'font-size')).toBeGreaterThanOrEqual(44);
    expect(rpx('.text-large .muted', 'font-size')).toBeGreaterThanOrEqual(36);
    expect(rpx('.text-large .small', 'font-size')).toBeGreaterThanOrEqual(36);
    expect(rpx('.text-large .big-button', 'min-height')).toBeGreaterThanOrEqual(120);
    expect(rpx('.text-large .field', 'min-height')).toBeGreaterThanOrEqual(120);
  });

  it('keeps 标准 body text at 16 px or more, secondary text at 14 px, tap targets at 44 px', () => {
    expect(rpx('.text-standard', 'font-size')).toBeGreaterThanOrEqual(32);
    expect(rpx('.text-standard .muted', 'font-size')).toBeGreaterThanOrEqual(28);
    expect(rpx('.text-standard .big-button', 'min-height')).toBeGreaterThanOrEqual(88);
    expect(rpx('.text-standard .field', 'min-height')).toBeGreaterThanOrEqual(88);
  });

  it('makes 大字 larger than 标准', () => {
    expect(rpx('.text-large', 'font-size')).toBeGreaterThan(rpx('.text-standard', 'font-size'));
  });
});

describe('the weapp build', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));

  // Everything is in the main package for now; WeChat refuses a main package over 2 MB.
  it('stays well inside the 2 MB main-package limit and carries no stand-in code', () => {
    const all = files(dist);
    expect(all.reduce((n, f) => n + statSync(f).size, 0)).toBeLessThan(1.5 * 1024 * 1024);
    const js = all
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(f, 'utf8'))
      .join('');
    expect(js).toContain('pages/settings/index');
    expect(js).not.toContain('/api/dev');
    expect(js).not.toContain('x-dev-openid');
  });
});
