import type { Page, Route } from 'playwright-core';
import { signInAs, useE2E, type E2E } from './harness';

const t = useE2E();
let e2e: E2E;
let page: Page;
beforeEach(() => ({ e2e, page } = t));

const tap = (name: string | RegExp) => page.getByRole('button', { name }).first().tap();

/** Opens the wish box from the home page, picks a category and writes the wish. */
async function writeWish(category: string, text: string) {
  await tap('许个心愿');
  await page.getByRole('radio', { name: category }).tap();
  await page.locator('textarea').fill(text);
}

/** The wishes of the signed-in villager's list with this text. */
async function countMine(text: string): Promise<number> {
  await page.goto(`${e2e.standIn.url}/#/wish/mine/index`);
  await page.locator('.my-wishes .wish').first().waitFor();
  return page.locator('.my-wishes .wish', { hasText: text }).count();
}

/** Routes the wish box's submits (not its quota question) to `handle`. */
async function onSubmit(handle: (route: Route) => Promise<void>) {
  await page.route('**/api/functions/wishes', async (route) => {
    const body = route.request().postDataJSON() as { action?: string };
    if (body.action === 'submit') await handle(route);
    else await route.continue();
  });
}

const wishText = '家里的老人需要一件厚棉袄过冬';

it('lets a villager submit a micro-wish that the cadre of the same village then finds waiting for review', async () => {
  await signInAs(page, e2e.standIn.url, '王秀兰');
  await writeWish('衣物被褥', wishText);
  await tap('提交心愿');
  await page.getByRole('alert').filter({ hasText: '心愿已提交' }).waitFor();

  const mine = page.locator('.wish', { hasText: wishText });
  await mine.waitFor();
  await expect(mine.innerText()).resolves.toContain('待审核');
  await expect(mine.innerText()).resolves.toContain('衣物被褥');

  await signInAs(page, e2e.standIn.url, '赵明远');
  await tap('审核心愿');
  const review = page.locator('.wish', { hasText: wishText });
  await review.waitFor();
  await expect(review.innerText()).resolves.toContain('王秀兰');
});

it('keeps the wish from a cadre of another village and from a helper', async () => {
  await signInAs(page, e2e.standIn.url, '钱文静');
  await tap('审核心愿');
  await page.locator('.wish').first().waitFor();
  await expect(page.locator('.wish', { hasText: wishText }).count()).resolves.toBe(0);

  await signInAs(page, e2e.standIn.url, '陈静');
  await expect(page.locator('.home').innerText()).resolves.toContain('帮扶责任人');
  await expect(page.getByRole('button', { name: '审核心愿' }).count()).resolves.toBe(0);
});

it('binds a new WeChat user with an invite code typed as a person might, and takes them to their home page', async () => {
  await page.goto(`${e2e.standIn.url}/#/pages/dev-login/index`);
  await tap(/新微信用户/);
  await page.locator('input').first().waitFor();
  const code = e2e.inviteCode;
  // Full-width, lower case, with a Chinese dash in the middle: what a phone keyboard may give.
  const typed = `${code.slice(0, 4)}——${code.slice(4)}`
    .toLowerCase()
    .replace(/[A-Za-z0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
  await page.locator('input').first().fill(typed);
  await tap(/^绑定$/);
  await page.locator('.home').waitFor({ timeout: 10_000 });
  await expect(page.locator('.home').innerText()).resolves.toContain('村民');
});

it('creates one wish when the submit button is tapped twice', async () => {
  await signInAs(page, e2e.standIn.url, '李建国');
  const text = '想要一个暖水袋，晚上睡觉脚冷';
  await writeWish('生活用品', text);
  const submit = page.getByRole('button', { name: '提交心愿' });
  await submit.tap();
  await page.getByRole('button', { name: /正在提交|已提交/ }).tap({ force: true });
  await page.locator('.my-wishes').waitFor();
  await expect(countMine(text)).resolves.toBe(1);
});

it('creates one wish when the answer to a submit was lost and the villager taps again', async () => {
  await signInAs(page, e2e.standIn.url, '张桂芳');
  const text = '孙女上学需要一盏护眼台灯';
  let lost = false;
  // The first submit reaches the function and is stored; its answer never reaches the phone.
  await onSubmit(async (route) => {
    if (lost) return route.continue();
    lost = true;
    await route.fetch();
    await route.abort('connectionreset');
  });
  await writeWish('学习用品', text);
  await tap('提交心愿');
  await page.getByRole('alert').filter({ hasText: /网络/ }).waitFor();
  await tap('提交心愿');
  await page.locator('.my-wishes').waitFor();
  await expect(countMine(text)).resolves.toBe(1);
});

it('gives up on a stalled submit with a message, keeps what was typed, and keeps it across a reload', async () => {
  await page.clock.install();
  await signInAs(page, e2e.standIn.url, '黄长顺');
  const text = '家里的锄头坏了，想要一把新锄头';
  await onSubmit(() => new Promise(() => undefined));
  await writeWish('农资农具', text);
  await tap('提交心愿');
  await page.getByRole('button', { name: '正在提交…' }).waitFor();
  await page.clock.fastForward('00:16');
  await page.getByRole('alert').filter({ hasText: '网络太慢' }).waitFor();
  await expect(page.locator('textarea').inputValue()).resolves.toBe(text);
  await expect(page.getByRole('button', { name: '提交心愿' }).isVisible()).resolves.toBe(true);

  await page.reload();
  await page.getByText('已填好您上次没有提交的内容').waitFor();
  await expect(page.locator('textarea').inputValue()).resolves.toBe(text);
  await expect(page.getByRole('radio', { name: '农资农具' }).getAttribute('aria-checked')).resolves.toBe('true');
});
