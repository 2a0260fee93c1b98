import type { AxeResults } from 'axe-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/chromium';
import { movableClock } from '../../local/clock';
import { localDeps, openLocalStore } from '../../local/deps';
import { ensureDemoInvite, seedIfEmpty } from '../../local/seed';
import { startStandIn, type StandIn } from '../../local/server';
import { ensureTaroBuild } from '../../scripts/freshness';

export interface E2E {
  standIn: StandIn;
  browser: Browser;
  inviteCode: string;
  newPage(): Promise<Page>;
  /** A phone of this width with the text size chosen before the app first loads (see `phone`). */
  newPhone(options: PhoneOptions): Promise<BrowserContext>;
  close(): Promise<void>;
}

export type TextSize = 'standard' | 'large';

export interface PhoneOptions {
  width: number;
  /** Stored as the person's choice before every load; left out, the app decides. */
  textSize?: TextSize;
}

/** Common phone heights for the widths the suite uses (iPhone SE 1st gen, iPhone 8, iPhone 12/13). */
const phoneHeights: Record<number, number> = { 320: 568, 375: 667, 390: 844 };

/**
 * A touch phone (Taro's H5 buttons answer taps) that records, for `settle`, how many requests
 * are in flight and when the page last changed, and that chooses the text size as the settings
 * page would: Taro's H5 storage keeps `{ data }` as JSON under the app's key.
 */
async function phone(browser: Browser, { width, textSize }: PhoneOptions): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width, height: phoneHeights[width] ?? 700 },
    hasTouch: true,
    isMobile: true,
    locale: 'zh-CN',
  });
  await context.addInitScript((size: TextSize | null) => {
    try {
      if (size) localStorage.setItem('text-size', JSON.stringify({ data: size }));
    } catch {
      // about:blank has no storage; the app's own origin always has.
    }
    const probe = { pending: 0, changedAt: performance.now() };
    Object.assign(window, { __e2e: probe });
    const fetch = window.fetch.bind(window);
    window.fetch = (...args: Parameters<typeof window.fetch>) => {
      probe.pending++;
      return fetch(...args).finally(() => probe.pending--);
    };
    new MutationObserver(() => (probe.changedAt = performance.now())).observe(document, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
  }, textSize ?? null);
  return context;
}

/**
 * Builds the H5 version if its sources changed, seeds a fresh in-memory county and serves it on a
 * free port. `E2E_H5_DIR` serves an H5 build made elsewhere instead (e.g. from a copy of src/ with
 * a style broken on purpose, to see a check fail without touching the shared tree).
 */
export async function startE2E(): Promise<E2E> {
  const staticDir = process.env.E2E_H5_DIR ?? 'dist-h5';
  if (!process.env.E2E_H5_DIR) ensureTaroBuild('h5', { quiet: true });
  const clock = movableClock();
  const store = openLocalStore(':memory:');
  const deps = localDeps(store, clock);
  await seedIfEmpty(store, clock);
  const invite = await ensureDemoInvite(store, clock, deps.ids);
  const standIn = await startStandIn({ deps, staticDir, port: 0, timers: false, log: () => undefined });
  const browser = await launchChromium();
  return {
    standIn,
    browser,
    inviteCode: invite!.code,
    // A phone-sized touch screen: Taro's H5 buttons answer taps.
    newPage: async () => (await phone(browser, { width: 390 })).newPage(),
    newPhone: (options) => phone(browser, options),
    close: async () => {
      await browser.close();
      await standIn.close();
      store.close();
    },
  };
}

export const button = (page: Page, text: string | RegExp) => page.locator('taro-button-core', { hasText: text }).first();

/** Picks a demo user in the stand-in's picker, as a tester would. */
export async function signInAs(page: Page, url: string, name: string): Promise<void> {
  await page.goto(`${url}/#/pages/dev-login/index`);
  await button(page, name).tap();
  await page.locator('.home').waitFor();
}

/**
 * One stand-in and browser per test file and a fresh page per test. Read `e2e` and
 * `page` inside tests and hooks (they are set by the hooks this registers).
 */
export function useE2E({ pagePerTest = true } = {}): { readonly e2e: E2E; readonly page: Page } {
  const ctx = {} as { e2e: E2E; page: Page };
  beforeAll(async () => {
    ctx.e2e = await startE2E();
  });
  afterAll(async () => {
    await ctx.e2e?.close();
  });
  if (pagePerTest) {
    beforeEach(async () => {
      ctx.page = await ctx.e2e.newPage();
    });
    afterEach(async () => {
      await ctx.page.context().close();
    });
  }
  return ctx;
}

/** Demo users by name, as the stand-in's picker lists them. */
export async function demoOpenids(url: string): Promise<Map<string, string>> {
  const users = (await (await fetch(`${url}/api/dev/users`)).json()) as { openid: string; name: string }[];
  return new Map(users.map((u) => [u.name, u.openid]));
}

/** Calls a cloud function on the stand-in as `openid`, as the H5 client does; throws on a refusal. */
export async function callAs(url: string, openid: string, fn: string, action: string, input: unknown): Promise<unknown> {
  const res = await fetch(`${url}/api/functions/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-dev-openid': openid },
    body: JSON.stringify({ action, input }),
  });
  const answer = (await res.json()) as { ok: boolean; data?: unknown; error?: unknown };
  if (!answer.ok) throw new Error(`${fn}.${action} as ${openid}: ${JSON.stringify(answer.error)}`);
  return answer.data;
}

/**
 * Opens `path` (e.g. `pages/index/index?tab=me`) in a fresh load as the WeChat user `openid`
 * (a demo user, or any new id for someone not bound yet), with nothing else kept from before:
 * no cached profile, draft or earlier page in the stack. Storage is set on a same-origin page
 * that runs no app code, so the app reads it on its first line. Waits until the page settles.
 */
export async function openAs(page: Page, url: string, openid: string, path: string): Promise<void> {
  await page.goto(`${url}/api/dev/users`);
  await page.evaluate((id) => {
    localStorage.clear();
    localStorage.setItem('dev-openid', JSON.stringify({ data: id }));
  }, openid);
  await page.goto(`${url}/#/${path}`);
  await settle(page);
}

/** How long the page must stay unchanged, with no request in flight, to count as drawn. */
const QUIET_MS = 250;

/**
 * Waits until a page is shown, no request is in flight, nothing says it is loading and the DOM
 * has not changed for QUIET_MS (Taro's Stencil elements draw their inner parts a few ms late).
 * Works on any page without knowing what it draws, so rewrites of the pages keep it valid.
 */
export async function settle(page: Page, timeout = 15_000): Promise<void> {
  await page.waitForFunction(
    (quiet) => {
      const probe = (window as unknown as { __e2e?: { pending: number; changedAt: number } }).__e2e;
      const shown = Array.from(document.querySelectorAll<HTMLElement>('.page')).find((el) => el.checkVisibility());
      if (!probe || !shown || probe.pending > 0 || /正在加载/.test(shown.innerText)) return false;
      return performance.now() - probe.changedAt >= quiet;
    },
    QUIET_MS,
    { polling: 50, timeout },
  );
}

export interface Minimums {
  /** Body text, and what a person types, in CSS px. */
  body: number;
  /** Secondary text (`.small`, `.muted`, counts) and dates. */
  secondary: number;
  /** Both sides of anything a finger taps. */
  tap: number;
}

/** The issue's minimums, which it states for a phone 375 px wide. */
export const minimumsAt375: Record<TextSize, Minimums> = {
  standard: { body: 16, secondary: 14, tap: 44 },
  large: { body: 22, secondary: 18, tap: 60 },
};

/**
 * The minimums on a phone `width` px wide. The app is laid out in design px (750 to the screen's
 * width), which WeChat turns into rpx: on a 320-wide phone WeChat itself draws everything at
 * 320/375 of its size at 375, and only per-width media queries could keep a size from shrinking.
 * The issue gives its numbers "at 375 px width", so a 320-wide phone is held to the same design:
 * the numbers scaled by 320/375 (大字 body 18.8, secondary 15.4, taps 51.2 px; 标准 13.7, 11.9,
 * 37.5 px), taps still far above WCAG 2.5.8's 24 px. Wider phones keep the 375 numbers, never
 * more. Taro's H5 build in fact shrinks nothing below 375 (its rem script keeps the root font at
 * 20 px or more), so at 320 it measures the 375 sizes, and what 320 really tests is whether those
 * unchanged sizes still fit: overflow, two-column grids, dialogs with two buttons side by side.
 */
export function minimumsAt(size: TextSize, width: number): Minimums {
  const scale = Math.min(1, width / 375);
  const at375 = minimumsAt375[size];
  return { body: at375.body * scale, secondary: at375.secondary * scale, tap: at375.tap * scale };
}

/** Something measured on the page, with enough of it named to find it. */
export interface Measured {
  px: number;
  what: string;
}

export interface Quality {
  /** The text-size class on the page shown (`text-large`), to be sure which mode was measured. */
  sizeClass: string | null;
  /** The location's hash once settled, to be sure no redirect replaced the page asked for. */
  hash: string;
  smallestBody: Measured | null;
  smallestSecondary: Measured | null;
  /** Texts under their minimum: `body 15 px < 22 px: “…” (taro-view-core.x)`. */
  smallText: string[];
  /** The font size of every visible text input and textarea, against the page's body text. */
  inputs: (Measured & { body: number })[];
  /** The smallest side of the smallest tap target. */
  smallestTap: (Measured & { width: number; height: number }) | null;
  /** Tap targets under the minimum on either side. */
  smallTaps: string[];
  scrollWidth: number;
  innerWidth: number;
  /** The elements that reach past the right edge, innermost first. */
  overflowing: string[];
  /** Boxes that clip or scroll sideways and hold more than their width: content cut off. */
  clipped: string[];
  lowestContrast: (Measured & { ratio: number }) | null;
  /** Texts under 4.5:1 against what lies behind them, opacity applied. */
  lowContrast: string[];
  /** Error texts shown, which mean the page drawn is not the one meant to be measured. */
  errors: string[];
}

/**
 * Measures, in one pass over what is visible inside `scope` (the whole document by default):
 * every text's size and contrast, every text input's size, every tap target's size, and what
 * spills sideways. Runs in the page, so it names no outer variable.
 *
 * - Secondary text is what carries `.small`, `.muted` or `.count-badge` (the kit's secondary
 *   classes), and anything shaped like a date or time, wherever it is; all else is body text.
 * - A tap target is measured where the finger lands: Taro's H5 Switch, Input and Textarea are
 *   custom elements whose padding does nothing, so their inner native control is measured.
 * - Contrast composes every translucent background up to the first opaque one (or white), and
 *   multiplies the opacities of every ancestor, as the screen does.
 * - Sideways overflow is the document growing wider than the window, and also any box that clips
 *   or scrolls sideways holding more than its width: Taro's H5 page is such a box (overflow-x
 *   hidden), so there content wider than the phone is cut off and the document never grows.
 */
export async function pageQuality(page: Page, min: Minimums, scope?: string): Promise<Quality> {
  return page.evaluate(
    ({ min, scope }) => {
      type Rgba = { r: number; g: number; b: number; a: number };
      const parse = (c: string): Rgba => {
        const [r, g, b, a = 1] = (c.match(/[\d.]+/g) ?? ['0', '0', '0', '0']).map(Number);
        return { r, g, b, a };
      };
      const over = (c: Rgba, alpha: number, under: Rgba): Rgba => ({
        r: c.r * alpha + under.r * (1 - alpha),
        g: c.g * alpha + under.g * (1 - alpha),
        b: c.b * alpha + under.b * (1 - alpha),
        a: 1,
      });
      const channel = (v: number) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
      const luminance = (c: Rgba) => 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
      const contrast = (a: Rgba, b: Rgba) => {
        const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
        return (hi + 0.05) / (lo + 0.05);
      };
      const visible = (el: Element) => el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
      const snippet = (text: string) => `“${text.trim().replace(/\s+/g, ' ').slice(0, 20)}”`;
      const name = (el: Element) => {
        const classes = Array.from(el.classList)
          .filter((c) => c && !/^(taro_page_|taro_navigation|taro_tabbar|hydrated)/.test(c))
          .slice(0, 3);
        const label = el.getAttribute('aria-label') || (el as HTMLElement).innerText || el.getAttribute('placeholder') || '';
        return `${el.tagName.toLowerCase()}${classes.map((c) => `.${c}`).join('')}${label.trim() ? ` ${snippet(label)}` : ''}`;
      };
      // The page on top of Taro's stack (earlier pages stay in the DOM, hidden) and any overlay on the body.
      const roots: Element[] = scope ? Array.from(document.querySelectorAll(scope)).filter(visible) : [document.body];
      const shownPage = Array.from(document.querySelectorAll('.page')).find(visible) ?? null;
      const bodyPx = shownPage ? parseFloat(getComputedStyle(shownPage).fontSize) : min.body;
      const tolerance = 0.05; // layout works in 1/64 px: a token that lands exactly on a minimum must pass

      const q = {
        sizeClass: shownPage ? (Array.from(shownPage.classList).find((c) => c.startsWith('text-')) ?? null) : null,
        hash: location.hash,
        smallestBody: null as { px: number; what: string } | null,
        smallestSecondary: null as { px: number; what: string } | null,
        smallText: [] as string[],
        inputs: [] as { px: number; what: string; body: number }[],
        smallestTap: null as { px: number; what: string; width: number; height: number } | null,
        smallTaps: [] as string[],
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
        overflowing: [] as string[],
        clipped: [] as string[],
        lowestContrast: null as { px: number; what: string; ratio: number } | null,
        lowContrast: [] as string[],
        errors: [] as string[],
      };

      const secondary = '.small, .muted, .count-badge';
      const dateLike = /\d{1,2}月\d{1,2}日|\d{4}年|\d{4}-\d{1,2}-\d{1,2}|\d{1,2}:\d{2}/;
      const seen = new Set<string>();
      for (const root of roots) {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent?.trim();
          const el = node.parentElement;
          if (!text || !el || !visible(el)) continue;
          const range = document.createRange();
          range.selectNodeContents(node);
          const box = range.getBoundingClientRect();
          if (box.width === 0 || box.height === 0) continue;
          // Text can spill out of a box that stays in place (nowrap, a long word): name it too.
          if (box.right > window.innerWidth + 0.5 && box.left < window.innerWidth) {
            q.overflowing.push(`text ${snippet(text)} reaches ${box.right.toFixed(1)} px`);
          }
          const style = getComputedStyle(el);
          const px = parseFloat(style.fontSize);
          const isSecondary = el.closest(secondary) !== null || dateLike.test(text);
          const what = `${snippet(text)} (${name(el).split(' ')[0]})`;
          const kind = isSecondary ? 'smallestSecondary' : 'smallestBody';
          if (!q[kind] || px < q[kind].px) q[kind] = { px, what };
          const floor = isSecondary ? min.secondary : min.body;
          if (px + tolerance < floor) {
            const line = `${isSecondary ? 'secondary' : 'body'} ${px} px < ${floor.toFixed(1)} px: ${what}`;
            if (!seen.has(line)) q.smallText.push(line);
            seen.add(line);
          }

          // Contrast: the text's colour over every background behind it, opacity applied.
          let opacity = 1;
          const layers: Rgba[] = [];
          let opaque = false;
          for (let at: Element | null = el; at; at = at.parentElement) {
            const s = getComputedStyle(at);
            opacity *= Number(s.opacity);
            const bg = parse(s.backgroundColor);
            if (!opaque && bg.a > 0) layers.push(bg);
            opaque ||= bg.a >= 1;
          }
          let behind: Rgba = { r: 255, g: 255, b: 255, a: 1 };
          for (const layer of layers.reverse()) behind = over(layer, layer.a, behind);
          // An element's opacity fades it, background and text alike, into what is behind the page.
          behind = over(behind, opacity, { r: 255, g: 255, b: 255, a: 1 });
          const colour = parse(style.color);
          const ratio = contrast(over(colour, colour.a * opacity, behind), behind);
          if (!q.lowestContrast || ratio < q.lowestContrast.ratio) q.lowestContrast = { px, what, ratio };
          if (ratio < 4.5) q.lowContrast.push(`${ratio.toFixed(2)}:1 ${what}`);
          if (el.closest('.error-text')) q.errors.push(what);
        }
      }

      const inputs = 'input:not([type=hidden]):not([type=checkbox]):not([type=radio]), textarea';
      for (const root of roots) {
        for (const el of Array.from(root.querySelectorAll(inputs)).filter(visible)) {
          q.inputs.push({ px: parseFloat(getComputedStyle(el).fontSize), what: name(el), body: bodyPx });
        }
      }

      // Taro's H5 hosts whose own box does nothing: the inner native control takes the tap.
      const hosts = 'taro-switch-core, taro-input-core, taro-textarea-core, taro-checkbox-core, taro-radio-core';
      const tappable = [
        'button, a[href], input:not([type=hidden]), textarea, select, taro-button-core, taro-navigator-core',
        '[role=button], [role=tab], [role=radio], [role=checkbox], [role=switch], [role=link], [role=menuitem], [role=option]',
        hosts,
      ].join(', ');
      const targets = new Set<Element>();
      for (const root of roots) {
        for (const el of Array.from(root.querySelectorAll(tappable))) {
          targets.add(el.matches(hosts) ? (el.querySelector('input, textarea') ?? el) : el);
        }
      }
      for (const el of targets) {
        if (!visible(el)) continue;
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0 || r.right <= 0 || r.left >= window.innerWidth) continue;
        const side = Math.min(r.width, r.height);
        const what = name(el);
        if (!q.smallestTap || side < q.smallestTap.px) q.smallestTap = { px: side, what, width: r.width, height: r.height };
        if (side + tolerance < min.tap)
          q.smallTaps.push(`${r.width.toFixed(1)} × ${r.height.toFixed(1)} px < ${min.tap.toFixed(1)} px: ${what}`);
      }

      // Sideways overflow past the document: any box that clips or scrolls sideways (Taro's page,
      // a card, a dialog) holding more than its width, save deliberate ellipses. 1 px of slack:
      // scrollWidth and clientWidth are rounded to whole pixels.
      const boxes = roots.flatMap((root) => [root, ...Array.from(root.querySelectorAll('*'))]);
      for (const el of boxes) {
        const s = getComputedStyle(el);
        if (s.overflowX === 'visible' || s.textOverflow === 'ellipsis' || !visible(el)) continue;
        if (el.scrollWidth > el.clientWidth + 1)
          q.clipped.push(`${name(el).split(' ')[0]} holds ${el.scrollWidth} px in ${el.clientWidth} px`);
      }
      // What reaches past the right edge, to say what to fix: only the innermost such elements.
      const wide = boxes.filter((el) => {
        const r = el.getBoundingClientRect();
        return visible(el) && r.right > window.innerWidth + 0.5 && r.left < window.innerWidth;
      });
      q.overflowing.push(
        ...wide
          .filter((el) => !wide.some((other) => other !== el && el.contains(other)))
          .map((el) => `${name(el)} reaches ${el.getBoundingClientRect().right.toFixed(1)} px`),
      );
      q.overflowing = q.overflowing.slice(0, 5);
      return q;
    },
    { min, scope },
  );
}

/** One axe-core finding on one element. */
export interface AxeFinding {
  id: string;
  impact: string;
  target: string;
  summary: string;
}

const axePath = require.resolve('axe-core/axe.min.js');

/**
 * Runs axe-core over the whole document as it stands and returns the serious and critical
 * findings, one per element, with the rule, the element and axe's own summary of the fix.
 */
export async function axeFindings(page: Page): Promise<AxeFinding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axePath });
  const results = await page.evaluate(() =>
    (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<AxeResults> } }).axe.run(document, {
      resultTypes: ['violations'],
    }),
  );
  return results.violations.flatMap((v) =>
    v.nodes
      .filter((n) => (n.impact ?? v.impact) === 'serious' || (n.impact ?? v.impact) === 'critical')
      .map((n) => ({
        id: v.id,
        impact: String(n.impact ?? v.impact),
        // The selector alone can be as vague as `.card`: the element's opening tag says which one.
        target: `${n.target.join(' ')} ${(n.html.match(/^<[^>]*>/)?.[0] ?? '').slice(0, 160)}`,
        summary: `${v.help}. ${(n.failureSummary ?? '').replace(/\s+/g, ' ')}`,
      })),
  );
}

/**
 * Everything a page breaks of the quality bar, one line each, or none: text sizes, typed text,
 * tap targets, horizontal overflow, contrast and axe's serious and critical findings.
 */
export function qualityFailures(q: Quality, min: Minimums, axe: AxeFinding[]): string[] {
  const failures = [
    ...q.smallText.map((t) => `text: ${t}`),
    ...q.inputs.filter((i) => i.px + 0.05 < Math.max(i.body, min.body)).map((i) => `typed text ${i.px} px < body ${i.body} px: ${i.what}`),
    ...q.smallTaps.map((t) => `tap target ${t}`),
    ...q.lowContrast.map((t) => `contrast ${t}`),
    ...axe.map((f) => `axe ${f.id} (${f.impact}) at ${f.target}: ${f.summary}`),
  ];
  const reaching = q.overflowing.join('; ') || 'nothing past the right edge';
  if (q.scrollWidth > q.innerWidth) {
    failures.push(`overflow: the document is ${q.scrollWidth} px wide in a ${q.innerWidth} px window: ${reaching}`);
  }
  if (q.clipped.length > 0) failures.push(`overflow: cut off sideways: ${q.clipped.join('; ')}; ${reaching}`);
  return failures;
}
