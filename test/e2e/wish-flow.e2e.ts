import type { Page } from 'playwright-core';
import { button, signInAs, useE2E, type E2E } from './harness';

const t = useE2E();
let e2e: E2E;
let page: Page;
beforeEach(() => ({ e2e, page } = t));

const wishText = '家里的老人需要一件厚棉袄过冬';

it('lets a villager submit a micro-wish that the cadre of the same village then finds waiting for review', async () => {
  await signInAs(page, e2e.standIn.url, '王秀兰');
  await expect(button(page, '许个心愿').isVisible()).resolves.toBe(true);
  await button(page, '许个心愿').tap();

  await button(page, '衣物被褥').tap();
  await page.locator('textarea').fill(wishText);
  // An enabled submit button must not look disabled (Taro H5 renders disabled="false").
  await expect(button(page, '提交心愿').evaluate((el) => getComputedStyle(el).opacity)).resolves.toBe('1');
  await button(page, '提交心愿').tap();

  const mine = page.locator('.wish', { hasText: wishText });
  await mine.waitFor();
  await expect(mine.innerText()).resolves.toContain('待审核');
  await expect(mine.innerText()).resolves.toContain('衣物被褥');

  await signInAs(page, e2e.standIn.url, '赵明远');
  await button(page, '待审核心愿').tap();
  const review = page.locator('.wish', { hasText: wishText });
  await review.waitFor();
  await expect(review.innerText()).resolves.toContain('王秀兰');
});

it('keeps the wish from a cadre of another village and from a helper', async () => {
  await signInAs(page, e2e.standIn.url, '钱文静');
  await button(page, '待审核心愿').tap();
  await page.locator('.wish').first().waitFor();
  await expect(page.locator('.wish', { hasText: wishText }).count()).resolves.toBe(0);

  await signInAs(page, e2e.standIn.url, '陈静');
  await expect(page.locator('.home').innerText()).resolves.toContain('帮扶责任人');
  await expect(button(page, '待审核心愿').count()).resolves.toBe(0);
});

it('binds a new WeChat user with an invite code and takes them to their home page', async () => {
  await page.goto(`${e2e.standIn.url}/#/pages/dev-login/index`);
  await button(page, '新微信用户').tap();
  await page.locator('input').first().waitFor();
  await page.locator('input').first().fill(e2e.inviteCode.toLowerCase());
  await button(page, /^绑定$/).tap();
  await page.locator('.home').waitFor();
  await expect(page.locator('.home').innerText()).resolves.toContain('村民');
});

it('makes text and buttons larger in 大字 mode', async () => {
  await signInAs(page, e2e.standIn.url, '王秀兰');
  await button(page, '字号设置').tap();
  await button(page, '大字').tap();
  // Taro keeps earlier pages of the stack in the DOM, hidden: measure the settings page itself.
  const sizes = await page.locator('.page', { hasText: '示例' }).evaluate((el) => {
    const btn = el.querySelector('.big-button') as HTMLElement;
    return { text: parseFloat(getComputedStyle(el).fontSize), tap: btn.getBoundingClientRect().height };
  });
  // 适老化: body text at least 22 px (WeChat's 关怀模式 is about 24) and tap targets at least 60 px.
  expect(sizes.text).toBeGreaterThanOrEqual(22);
  expect(sizes.tap).toBeGreaterThanOrEqual(60);

  // What a person types is as large as the body text.
  await page.goto(`${e2e.standIn.url}/#/pages/wish-new/index`);
  const typed = await page.locator('.wish-new .wish-text textarea').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(typed).toBeGreaterThanOrEqual(22);
});
