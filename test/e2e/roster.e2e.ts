import type { Page } from 'playwright-core';
import { button, signInAs, useE2E, type E2E } from './harness';

const t = useE2E();
let e2e: E2E;
let page: Page;
beforeEach(() => ({ e2e, page } = t));

/** The cadre's roster with bound people shown too (the switch starts on 只看未绑定的人). */
async function openWholeRoster() {
  await signInAs(page, e2e.standIn.url, '赵明远');
  await button(page, '发放邀请码').tap();
  await page.locator('.roster-entry').first().waitFor();
  await page.locator('.invite taro-switch-core input').first().click();
  await page.locator('.reset-binding').first().waitFor();
}

it('pages through the roster with 加载更多 until the last page, without repeating anyone', async () => {
  await openWholeRoster();
  // Name, role, village and address: unique per person in the demo county.
  const names = () => page.locator('.roster-entry').allInnerTexts();
  let before = (await names()).length;
  for (let pages = 1; await button(page, '加载更多').isVisible(); pages++) {
    expect(pages).toBeLessThan(20);
    await button(page, '加载更多').tap();
    await page.waitForFunction((n) => document.querySelectorAll('.roster-entry').length > n, before);
    before = (await names()).length;
  }
  const all = await names();
  expect(all.length).toBeGreaterThan(20);
  expect(new Set(all).size).toBe(all.length);
});

it("lets a cadre free a bound villager's WeChat after confirming, and the villager then needs a new invite", async () => {
  await openWholeRoster();
  const bound = page.locator('.roster-entry', { has: page.locator('.reset-binding') }).first();
  const name = (await bound.locator('taro-text-core').first().innerText()).trim();
  await bound.locator('.reset-binding').tap();

  const dialog = page.locator('.taro__modal');
  await expect(dialog.innerText()).resolves.toContain('新的邀请码重新绑定');
  await dialog.getByText('解除绑定', { exact: true }).last().click();

  const entry = page.locator('.roster-entry', { hasText: name }).first();
  await entry.locator('.badge', { hasText: '点此发放邀请码' }).waitFor();
  await expect(entry.locator('.reset-binding').count()).resolves.toBe(0);

  await entry.tap();
  await page.locator('.issued').waitFor();
  await expect(page.locator('.issued').innerText()).resolves.toContain(`给 ${name} 的邀请码`);
});
