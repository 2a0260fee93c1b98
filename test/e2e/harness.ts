import { chromium, type Browser, type Page } from 'playwright-core';
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
  close(): Promise<void>;
}

/** Builds the H5 version if its sources changed, seeds a fresh in-memory county and serves it on a free port. */
export async function startE2E(): Promise<E2E> {
  ensureTaroBuild('h5', { quiet: true });
  const clock = movableClock();
  const store = openLocalStore(':memory:');
  const deps = localDeps(store, clock);
  await seedIfEmpty(store, clock);
  const invite = await ensureDemoInvite(store, clock, deps.ids);
  const standIn = await startStandIn({ deps, staticDir: 'dist-h5', port: 0, timers: false, log: () => undefined });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  return {
    standIn,
    browser,
    inviteCode: invite!.code,
    // A phone-sized touch screen: Taro's H5 buttons answer taps.
    newPage: async () =>
      (await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, locale: 'zh-CN' })).newPage(),
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
export function useE2E(): { readonly e2e: E2E; readonly page: Page } {
  const ctx = {} as { e2e: E2E; page: Page };
  beforeAll(async () => {
    ctx.e2e = await startE2E();
  });
  afterAll(async () => {
    await ctx.e2e?.close();
  });
  beforeEach(async () => {
    ctx.page = await ctx.e2e.newPage();
  });
  afterEach(async () => {
    await ctx.page.context().close();
  });
  return ctx;
}

export interface Readability {
  /** The smallest font size of any visible text on the page, in CSS px. */
  smallestText: number;
  /** Visible texts whose colour against what lies behind them is under 4.5:1 (WCAG AA). */
  lowContrast: string[];
}

/**
 * Measures every visible text of the page on top of the stack as a person sees it: its
 * size, and its contrast with the first opaque background behind it, with opacity applied.
 */
export async function readability(page: Page): Promise<Readability> {
  return page.evaluate(() => {
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
    const white: Rgba = { r: 255, g: 255, b: 255, a: 1 };
    // Taro keeps earlier pages of the stack in the DOM, hidden.
    const root = Array.from(document.querySelectorAll<HTMLElement>('.page')).find((el) => el.offsetParent !== null);
    const result = { smallestText: Infinity, lowContrast: [] as string[] };
    if (!root) return result;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      const el = node.parentElement;
      if (!text || !el || el.offsetParent === null) continue;
      const style = getComputedStyle(el);
      let opacity = 1;
      let background: Rgba | null = null;
      for (let at: HTMLElement | null = el; at; at = at.parentElement) {
        const s = getComputedStyle(at);
        opacity *= Number(s.opacity);
        const bg = parse(s.backgroundColor);
        if (!background && bg.a > 0) background = bg;
      }
      const behind = over(background ?? white, opacity, white);
      const colour = parse(style.color);
      const front = over(colour, colour.a * opacity, behind);
      const [hi, lo] = [luminance(front), luminance(behind)].sort((x, y) => y - x);
      const ratio = (hi + 0.05) / (lo + 0.05);
      if (ratio < 4.5) result.lowContrast.push(`${ratio.toFixed(2)}:1 “${text.slice(0, 16)}”`);
      result.smallestText = Math.min(result.smallestText, parseFloat(style.fontSize));
    }
    return result;
  });
}
