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
