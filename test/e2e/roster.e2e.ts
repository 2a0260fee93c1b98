import type { Page } from 'playwright-core';
import { signInAs, useE2E, type E2E } from './harness';

const t = useE2E();
let e2e: E2E;
let page: Page;
beforeEach(() => ({ e2e, page } = t));

/** The cadre's roster with bound people shown too (it opens on 未绑定). */
async function openWholeRoster() {
  await signInAs(page, e2e.standIn.url, '赵明远');
  await page.getByRole('button', { name: '邀请码' }).tap();
  await page.locator('.roster-entry').first().waitFor();
  await page.getByRole('tab', { name: '全部' }).tap();
  await page
    .getByRole('button', { name: /^解除.*的绑定$/ })
    .first()
    .waitFor();
}

it('pages through the roster with 加载更多 until the last page, without repeating anyone', async () => {
  await openWholeRoster();
  // Name, role, village and address: unique per person in the demo county.
  const names = () => page.locator('.roster-entry').allInnerTexts();
  const more = page.getByRole('button', { name: '加载更多' });
  let before = (await names()).length;
  for (let pages = 1; await more.isVisible(); pages++) {
    expect(pages).toBeLessThan(20);
    await more.tap();
    await page.waitForFunction((n) => document.querySelectorAll('.roster-entry').length > n, before);
    before = (await names()).length;
  }
  const all = await names();
  expect(all.length).toBeGreaterThan(20);
  expect(new Set(all).size).toBe(all.length);
});

it('finds people by the start of their name', async () => {
  await signInAs(page, e2e.standIn.url, '赵明远');
  await page.getByRole('button', { name: '邀请码' }).tap();
  await page.getByRole('tab', { name: '全部' }).tap();
  await page.locator('.invite input').first().fill('王');
  await page.waitForFunction(() => {
    const names = Array.from(document.querySelectorAll('.invite .entry-name'), (n) => n.textContent ?? '');
    return names.length > 0 && names.every((n) => n.startsWith('王'));
  });
});

it("lets a cadre free a bound villager's WeChat after confirming, and the villager then needs a new invite", async () => {
  await openWholeRoster();
  const reset = page.getByRole('button', { name: /^解除.*的绑定$/ }).first();
  const name = (await reset.getAttribute('aria-label'))!.replace(/^解除(.*)的绑定$/, '$1');
  await reset.tap();

  const dialog = page.getByRole('dialog');
  await expect(dialog.innerText()).resolves.toContain('新的邀请码重新绑定');
  await dialog.getByRole('button', { name: '解除绑定' }).tap();

  const entry = page.locator('.roster-entry', { hasText: name }).first();
  await entry.getByRole('button', { name: `给${name}发放邀请码` }).waitFor();

  await entry.getByRole('button', { name: `给${name}发放邀请码` }).tap();
  await page.getByRole('dialog').getByRole('button', { name: '发放' }).tap();
  await page.locator('.issued').waitFor();
  await expect(page.locator('.issued').innerText()).resolves.toContain(`给 ${name} 的邀请码`);
  // The stand-in's QR code for the bind page with this code.
  await expect(page.getByRole('img', { name: `${name}的绑定二维码` }).getAttribute('src')).resolves.toMatch(/^data:image\/png;base64,/);
});
