import type { Page } from 'playwright-core';
import { button, readability, signInAs, useE2E, type E2E } from './harness';

const t = useE2E();
let e2e: E2E;
let page: Page;
beforeEach(() => ({ e2e, page } = t));

/** The villager's and the cadre's pages, as each sees them. */
const pagesOf = {
  王秀兰: ['index', 'wish-new', 'my-wishes', 'inbox', 'settings'],
  赵明远: ['index', 'review-wishes', 'invite'],
};

describe.each([
  ['标准', 14],
  ['大字', 18],
] as const)('in %s', (mode, smallest) => {
  it.each(Object.entries(pagesOf))(`every text %s reads is at least ${smallest} px and at least 4.5:1`, async (who, pages) => {
    await signInAs(page, e2e.standIn.url, who);
    if (mode === '大字') {
      await page.goto(`${e2e.standIn.url}/#/pages/settings/index`);
      await button(page, '大字').tap();
    }
    for (const name of pages) {
      await page.goto(`${e2e.standIn.url}/#/pages/${name}/index`);
      await page.locator('.page').last().waitFor();
      await page.waitForTimeout(600);
      const seen = await readability(page);
      expect({ name, ...seen }).toEqual({ name, smallestText: expect.any(Number), lowContrast: [] });
      expect(seen.smallestText).toBeGreaterThanOrEqual(smallest);
    }
  });
});
