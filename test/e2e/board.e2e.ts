import type { Page } from 'playwright-core';
import { demoOpenids, openAs, signInAs, useE2E, type E2E } from './harness';

/**
 * The village message board end to end (issue 10): villager 王秀兰 posts on 杏花村's board → cadre
 * 赵明远 replies, and the reply reaches her marked 官方回复; a phone number typed into a post reaches
 * another villager masked (138****5678), in the page and in the answer the page got, never whole.
 */

const t = useE2E();
let e2e: E2E;
let page: Page;
beforeEach(() => ({ e2e, page } = t));

const tap = (name: string | RegExp) => page.getByRole('button', { name }).first().tap();
const alert = (text: string | RegExp) => page.getByRole('alert').filter({ hasText: text }).waitFor();
/** The page shown (Taro keeps earlier pages in the DOM, hidden). */
const board = () => page.locator('.page.board:visible');
const postWith = (text: string) => board().locator('.board-post', { hasText: text });

/** Signs in as `name` from the picker and opens the board from the home grid, as a villager would. */
async function openBoardAs(name: string) {
  await signInAs(page, e2e.standIn.url, name);
  await tap('留言板');
  await board().getByText('杏花村留言板').waitFor();
}

/** A 1×1 PNG: small, and the browser decodes it. */
const photo = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC', 'base64');

/** Adds one photo through Taro's H5 picker (Taro.chooseImage opens a file chooser). */
async function addPhoto() {
  const chooser = page.waitForEvent('filechooser');
  await tap(/添加照片 0\//);
  await (await chooser).setFiles({ name: 'lamp.png', mimeType: 'image/png', buffer: photo });
  await page.getByRole('img', { name: '第 1 张照片' }).waitFor();
}

/** Writes a post in the composer and waits until the board shows it, as `shown` when it is stored otherwise. */
async function post(text: string, shown = text) {
  await page.getByRole('textbox', { name: '留言内容' }).fill(text);
  await tap('发布留言');
  await alert('留言已发布');
  await postWith(shown).waitFor();
}

it('carries a villager’s post and photo to the cadre, whose reply comes back to her marked 官方回复', async () => {
  const words = '村口的路灯坏了，晚上走路看不见';
  const answer = '收到，明天上午就请电工来修';

  await openBoardAs('王秀兰');
  await addPhoto();
  await post(words);

  await openBoardAs('赵明远');
  const seen = postWith(words);
  await seen.getByText('王秀兰').waitFor();
  // The photo arrived and the cadre's phone loads it (a decoded 1×1 picture, not a broken box).
  const img = seen.getByRole('button', { name: '看大图：照片 1' }).locator('img');
  await page.waitForFunction(
    (el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth === 1,
    await img.elementHandle(),
  );
  await seen.getByRole('button', { name: /^回复/ }).tap();
  await seen.getByRole('textbox', { name: '回复内容' }).fill(answer);
  await seen.getByRole('button', { name: '发送回复' }).tap();
  await alert('回复已发出');
  await seen.locator('.board-reply', { hasText: answer }).getByText('官方回复').waitFor();

  await openBoardAs('王秀兰');
  const reply = postWith(words).locator('.board-reply', { hasText: answer });
  await reply.waitFor();
  const read = await reply.innerText();
  expect(read).toContain('官方回复');
  expect(read).toContain('赵明远');
});

it('shows a phone number typed into a post masked to another villager, and never whole', async () => {
  const url = e2e.standIn.url;
  await openBoardAs('李建国');
  // Masked as it is stored: the author sees what everyone else will.
  await post('有事打我电话 13812345678', '有事打我电话 138****5678');
  await expect(board().innerText()).resolves.not.toContain('13812345678');

  const listed = page.waitForResponse((r) => r.url().endsWith('/api/functions/board') && /"list"/.test(r.request().postData() ?? ''));
  await openAs(page, url, (await demoOpenids(url)).get('王秀兰')!, 'board/index/index');
  const body = await (await listed).text();
  expect(body).toContain('138****5678');
  expect(body).not.toContain('13812345678');
  await postWith('有事打我电话 138****5678').waitFor();
  await expect(page.content()).resolves.not.toContain('13812345678');
});
