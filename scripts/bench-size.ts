import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchChromium } from './chromium';
import { movableClock } from '../local/clock';
import { localDeps, openLocalStore } from '../local/deps';
import { seedIfEmpty } from '../local/seed';
import { startStandIn, type StandIn } from '../local/server';

/*
 * What our app costs a phone next to a bare Taro 4 React app (one page, one <View> with a line of
 * text) built with the same config/index.ts: the bytes the H5 home page fetches, the H5 dist, the
 * weapp main package, and the home screen's first meaningful paint on DevTools' "Slow 3G" with the
 * CPU slowed 4×, both apps in one browser, alternating, medians. Figures are printed, never asserted.
 * Builds go to a temp dir, never dist/ or dist-h5/ (the tests rebuild those concurrently).
 *   npm run bench:size [-- --runs 7] [--keep]
 */

const root = join(__dirname, '..');
const flag = (name: string) => process.argv.includes(name);
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;

/** The issue's targets, as multiples of the bare app's figure. */
const TARGET = { h5: 2, weapp: 1.5, paint: 1.2 };

/*
 * DevTools' "Slow 3G" preset (devtools-frontend, front_end/core/sdk/NetworkManager.ts, Slow3GConditions):
 * download and upload 500 * 1000 / 8 * .8 bytes/s (~500 kbit/s), latency 400 * 5 ms: a 400 ms RTT, scaled
 * up because DevTools delays each request once rather than each packet round trip.
 */
const SLOW_3G = {
  offline: false,
  downloadThroughput: ((500 * 1000) / 8) * 0.8,
  uploadThroughput: ((500 * 1000) / 8) * 0.8,
  latency: 400 * 5,
};
const CPU_SLOWDOWN = 4;
/** A bound villager: the most common home screen. The picker would store this id; we store it up front. */
const DEMO_OPENID = 'demo-villager-1';

type Target = 'h5' | 'weapp';

interface App {
  label: string;
  /** Taro sourceRoot; undefined for our own src/. */
  source?: string;
  out: Record<Target, string>;
  /** What shows once the home screen has real content. */
  selector: string;
  /** Run in the page before any of its scripts. */
  init?: string;
}

/** A bare Taro 4 React app as `taro init`'s default template writes it, minus the empty stylesheets. */
const BARE_FILES: Record<string, string> = {
  'app.config.ts': `export default defineAppConfig({
  pages: ['pages/index/index'],
  window: { backgroundTextStyle: 'light', navigationBarBackgroundColor: '#fff', navigationBarTitleText: 'WeChat', navigationBarTextStyle: 'black' },
});
`,
  'app.ts': `import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';

function App({ children }: PropsWithChildren) {
  useLaunch(() => console.log('App launched.'));
  return children;
}

export default App;
`,
  'pages/index/index.config.ts': `export default definePageConfig({ navigationBarTitleText: '首页' });
`,
  'pages/index/index.tsx': `import { Text, View } from '@tarojs/components';

export default function Index() {
  return (
    <View className="bare-home">
      <Text>Hello world!</Text>
    </View>
  );
}
`,
};

/** Writes the bare app's sources under `dir`; node_modules is linked beside them so its imports resolve. */
function writeBareApp(dir: string): string {
  const src = join(dir, 'src');
  for (const [file, text] of Object.entries(BARE_FILES)) {
    mkdirSync(dirname(join(src, file)), { recursive: true });
    writeFileSync(join(src, file), text);
  }
  // The H5 page template is part of the config we share, not of the app.
  copyFileSync(join(root, 'src', 'index.html'), join(src, 'index.html'));
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return src;
}

function taroBuild(target: Target, app: App): void {
  const started = Date.now();
  const r = spawnSync(process.execPath, [join(root, 'node_modules', '@tarojs', 'cli', 'bin', 'taro'), 'build', '--type', target], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      BUILD_OUTPUT_ROOT: app.out[target],
      ...(app.source ? { BUILD_SOURCE_ROOT: app.source } : {}),
    },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`${app.label} ${target} build failed\n${`${r.stdout}${r.stderr}`.slice(-4000)}`);
  console.log(`built ${app.label} ${target} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

/** Every file under `dir`, as paths relative to it with '/' separators. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .map((f) => f.split(sep).join('/'));
}

const sizeOf = (dir: string, files: string[]) => files.reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
const gzipSizeOf = (dir: string, files: string[]) => files.reduce((sum, f) => sum + gzipSync(readFileSync(join(dir, f))).length, 0);

/** Terser's extracted licence comments are emitted beside the chunks but never fetched. */
const h5DistBytes = (dir: string) =>
  sizeOf(
    dir,
    filesUnder(dir).filter((f) => !f.endsWith('.LICENSE.txt')),
  );

/** WeChat's main package: every file in the build (licence comments too) but the subpackage roots that app.json declares. */
function weappMainBytes(dir: string): { main: number; total: number } {
  const appJson = JSON.parse(readFileSync(join(dir, 'app.json'), 'utf8')) as {
    subPackages?: { root: string }[];
    subpackages?: { root: string }[];
  };
  const roots = [...(appJson.subPackages ?? []), ...(appJson.subpackages ?? [])].map((p) => p.root.replace(/^\/|\/?$/g, '') + '/');
  const files = filesUnder(dir);
  return {
    main: sizeOf(
      dir,
      files.filter((f) => !roots.some((r) => f.startsWith(r))),
    ),
    total: sizeOf(dir, files),
  };
}

/** Waits until `selector` is visible and records when, from navigation start, in the page's own clock. */
const paintProbe = (selector: string) => `(() => {
  const tick = () => {
    const el = document.querySelector(${JSON.stringify(selector)});
    if (el && el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) window.__meaningfulPaint = performance.now();
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

async function openContext(browser: Browser, app: App): Promise<BrowserContext> {
  // A fresh context each time: an empty cache, as on a first visit. A phone-sized touch screen, as the e2e tests use.
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, locale: 'zh-CN' });
  if (app.init) await context.addInitScript(app.init);
  await context.addInitScript(paintProbe(app.selector));
  return context;
}

const homeUrl = (server: StandIn) => `${server.url}/#/pages/index/index`;

/** The JS and CSS files the home page fetches until its content shows (unthrottled), as dist paths. */
async function homeFiles(browser: Browser, app: App, server: StandIn): Promise<string[]> {
  const context = await openContext(browser, app);
  const page = await context.newPage();
  const files = new Set<string>();
  page.on('request', (req) => {
    if (req.resourceType() === 'script' || req.resourceType() === 'stylesheet') files.add(new URL(req.url()).pathname.slice(1));
  });
  await page.goto(homeUrl(server));
  await page.locator(app.selector).waitFor({ timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  await context.close();
  return [...files].sort();
}

/** Milliseconds from navigation start until the home content is visible, throttled. */
async function meaningfulPaint(browser: Browser, app: App, server: StandIn): Promise<number> {
  const context = await openContext(browser, app);
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await page.goto(homeUrl(server), { waitUntil: 'commit' });
    // Slow polling from outside, so that the wait itself costs the throttled page next to nothing.
    const handle = await page.waitForFunction(() => (window as { __meaningfulPaint?: number }).__meaningfulPaint, null, {
      polling: 250,
      timeout: 180_000,
    });
    return (await handle.jsonValue()) as number;
  } finally {
    await context.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function row(label: string, bare: string, ours: string, ratio: number, target: number): string {
  const verdict = ratio <= target ? 'met' : 'over';
  return `${label.padEnd(34)} ${bare.padStart(11)} ${ours.padStart(11)} ${`${ratio.toFixed(2)}×`.padStart(7)}   ≤ ${target}× ${verdict}`;
}

async function startServer(app: App, seeded: boolean): Promise<{ server: StandIn; close(): Promise<void> }> {
  const clock = movableClock();
  const store = openLocalStore(':memory:');
  const deps = localDeps(store, clock);
  if (seeded) await seedIfEmpty(store, clock);
  // The same static server for both apps, with the same gzip and cache headers.
  const server = await startStandIn({ deps, staticDir: app.out.h5, port: 0, timers: false, log: () => undefined });
  return {
    server,
    close: async () => {
      await server.close();
      store.close();
    },
  };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'bench-size-'));
  const out = (name: string) => ({ h5: join(dir, 'out', `${name}-h5`), weapp: join(dir, 'out', `${name}-weapp`) });
  const bare: App = { label: 'bare', source: writeBareApp(join(dir, 'bare')), out: out('bare'), selector: '.bare-home' };
  const ours: App = {
    label: 'ours',
    out: out('ours'),
    selector: '.home',
    // What the stand-in's demo-user picker stores (src/services/dev-identity.ts), in Taro's H5 storage format.
    init: `localStorage.setItem('dev-openid', ${JSON.stringify(JSON.stringify({ data: DEMO_OPENID }))});`,
  };
  const apps = [bare, ours];
  const servers: { close(): Promise<void> }[] = [];
  let browser: Browser | undefined;
  try {
    for (const app of apps) for (const target of ['h5', 'weapp'] as const) taroBuild(target, app);

    const started = await Promise.all(apps.map((app) => startServer(app, app === ours)));
    servers.push(...started);
    const serverOf = new Map(apps.map((app, i) => [app, started[i].server]));
    browser = await launchChromium();

    const size = new Map<App, { raw: number; gzip: number; dist: number; weapp: { main: number; total: number }; files: string[] }>();
    for (const app of apps) {
      const files = await homeFiles(browser, app, serverOf.get(app)!);
      size.set(app, {
        raw: sizeOf(app.out.h5, files),
        gzip: gzipSizeOf(app.out.h5, files),
        dist: h5DistBytes(app.out.h5),
        weapp: weappMainBytes(app.out.weapp),
        files,
      });
    }

    const paints = new Map<App, number[]>(apps.map((app) => [app, []]));
    for (let i = 0; i < runs; i++) {
      // Alternate which app goes first, so that neither always meets a warmer or busier machine.
      for (const app of i % 2 === 0 ? apps : [...apps].reverse())
        paints.get(app)!.push(await meaningfulPaint(browser, app, serverOf.get(app)!));
      process.stderr.write(`paint run ${i + 1}/${runs}\r`);
    }

    const b = size.get(bare)!;
    const o = size.get(ours)!;
    const ratio = (x: number, y: number) => y / x;
    console.log(`\nours vs a bare Taro 4 React app, same config/index.ts, production builds\n`);
    console.log(`${''.padEnd(34)} ${'bare'.padStart(11)} ${'ours'.padStart(11)} ${'× bare'.padStart(7)}   target`);
    console.log(row('H5 home page JS+CSS, raw', kb(b.raw), kb(o.raw), ratio(b.raw, o.raw), TARGET.h5));
    console.log(row('H5 home page JS+CSS, gzip', kb(b.gzip), kb(o.gzip), ratio(b.gzip, o.gzip), TARGET.h5));
    console.log(row('H5 dist, all files', kb(b.dist), kb(o.dist), ratio(b.dist, o.dist), TARGET.h5));
    console.log(row('weapp main package', kb(b.weapp.main), kb(o.weapp.main), ratio(b.weapp.main, o.weapp.main), TARGET.weapp));
    const [pb, po] = [median(paints.get(bare)!), median(paints.get(ours)!)];
    console.log(row(`home paint, Slow 3G + ${CPU_SLOWDOWN}× CPU, median`, seconds(pb), seconds(po), ratio(pb, po), TARGET.paint));
    console.log(`\nweapp total incl. subpackages: bare ${kb(b.weapp.total)}, ours ${kb(o.weapp.total)}`);
    for (const app of apps) console.log(`${app.label} paint runs: ${paints.get(app)!.map(seconds).join(', ')}`);
    for (const app of apps) {
      const files = size.get(app)!.files.map((f) => `${f} ${kb(gzipSizeOf(app.out.h5, [f]))}`);
      console.log(`${app.label} home page fetches (gzip): ${files.join(', ')}`);
    }
    if (flag('--keep')) console.log(`\nbuilds kept in ${dir}`);
  } finally {
    await browser?.close();
    for (const s of servers) await s.close();
    if (!flag('--keep') && existsSync(dir)) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
