import { deflateSync } from 'node:zlib';
import type { Locator, Page } from 'playwright-core';
import { signInAs, useE2E, type E2E } from './harness';

/**
 * The whole micro-wish loop across three demo users of 杏花村, photos included (issue 8):
 * villager 李建国 wishes → cadre 赵明远 edits the summary and publishes → helper 陈静 finds it on
 * the wall under a masked name, claims it and reports it delivered with a photo → 李建国 confirms
 * and thanks → 陈静 reads the thanks. One test: each step needs the state the one before left.
 */

const t = useE2E();
let e2e: E2E;
let page: Page;
beforeEach(() => ({ e2e, page } = t));

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes: Buffer) => {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type: string, data: Buffer) => {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};

/** A valid 1×1 PNG of one colour: small, and the browser decodes it (Taro's H5 picker loads it). */
function png([r, g, b]: [number, number, number]): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0); // width
  header.writeUInt32BE(1, 4); // height
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from([0, r, g, b]))), // one row: filter byte, one pixel
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const tap = (name: string | RegExp) => page.getByRole('button', { name }).first().tap();
/** A toast (or an inline alert) with this text. */
const alert = (text: string | RegExp) => page.getByRole('alert').filter({ hasText: text }).waitFor();
/** Answers the open confirmation dialog titled `title` with `answer`. */
async function confirmDialog(title: string, answer: string) {
  const dialog = page.getByRole('dialog', { name: title });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: answer, exact: true }).tap();
}
/** Adds one photo through Taro's H5 picker (Taro.chooseImage opens a file chooser). */
async function addPhoto(photo: Buffer, name: string) {
  const chooser = page.waitForEvent('filechooser');
  await tap(/添加照片 0\//);
  await (await chooser).setFiles({ name, mimeType: 'image/png', buffer: photo });
  await page.getByRole('img', { name: '第 1 张照片' }).waitFor();
}
/** The photo's <img> has a signed /api/files link that the browser loaded and that answers 200. */
async function expectLoadedPhoto(photo: Locator) {
  const img = photo.locator('img');
  await img.waitFor();
  const src = (await img.getAttribute('src')) ?? '';
  expect(src).toMatch(/\/api\/files\/[0-9a-f]{64}\.png\?.*sig=/);
  // Decoded: the 1×1 picture itself arrived, not a broken-image box.
  await page.waitForFunction(
    (el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth === 1,
    await img.elementHandle(),
  );
  await expect(page.evaluate(async (url) => (await fetch(url)).status, src)).resolves.toBe(200);
}
/** The wish's own page (Taro keeps earlier pages in the DOM, and shows two while one slides in). */
const wishPage = () => page.locator('.page.wish:visible');
/** A card of the wish page under its heading (送达情况, 感谢的话). */
const section = (title: string) =>
  wishPage()
    .locator('.card')
    .filter({ has: page.locator('.section-title', { hasText: title }) });
/** The wish's 办理记录, one line per step, oldest first. */
const historyLines = () => wishPage().getByRole('list', { name: '办理记录' }).getByRole('listitem').allInnerTexts();

const wishText = '家里的棉被太薄了，老伴冬天夜里冷，想要一床厚棉被';
const summary = '一户老人需要一床厚棉被过冬';
const note = '12月3日把厚棉被送到家里，交给了李大爷本人';
const thanks = '棉被收到了，很暖和，谢谢陈同志';

it('takes a wish with photos from the villager through review, claim and delivery to thanks', async () => {
  const url = e2e.standIn.url;

  // 1. The villager writes the wish with a value and a photo; it waits for review.
  await signInAs(page, url, '李建国');
  await tap('许个心愿');
  await page.getByRole('radio', { name: '衣物被褥' }).tap();
  await page.getByRole('textbox', { name: '心愿内容', exact: true }).fill(wishText);
  await page.getByLabel('估计价值（元）', { exact: true }).fill('150');
  await addPhoto(png([200, 40, 40]), 'quilt.png');
  await tap('提交心愿');
  await alert('心愿已提交');
  const mine = page.getByRole('button', { name: wishText });
  await mine.waitFor();
  await expect(mine.innerText()).resolves.toContain('待审核');

  // 2. The village's cadre sees the photo, writes a summary for the wall and publishes.
  await signInAs(page, url, '赵明远');
  await tap('审核心愿');
  const review = page.locator('.review-wishes .wish', { hasText: wishText });
  await review.waitFor();
  await expect(review.innerText()).resolves.toContain('约 150 元');
  await expectLoadedPhoto(review.getByRole('img', { name: '心愿照片 1' }));
  await review.getByRole('textbox', { name: `上墙摘要：${wishText.slice(0, 10)}` }).fill(summary);
  await review.getByRole('button', { name: '通过，上心愿墙' }).tap();
  await alert('已通过，心愿上了心愿墙');
  await review.waitFor({ state: 'detached' });

  // 3. A helper of the village finds it on the wall by its summary, under a masked name only.
  await signInAs(page, url, '陈静');
  await tap('心愿墙');
  const card = page.getByRole('button', { name: summary });
  await card.waitFor();
  const cardText = await card.innerText();
  expect(cardText).toContain('李**');
  expect(cardText).not.toContain('李建国');
  expect(cardText).not.toContain(wishText);
  await card.tap();
  await wishPage().locator('.wish-summary', { hasText: summary }).waitFor();
  await expect(wishPage().innerText()).resolves.not.toContain('李建国');
  await expectLoadedPhoto(wishPage().getByRole('img', { name: '心愿照片 1' }));
  await tap('我来认领');
  await confirmDialog('认领这个心愿？', '认领');
  await alert(/认领成功/);
  await wishPage().getByText('您认领了这个心愿').waitFor();

  // … and reports it delivered from 我认领的, with a note and a photo.
  await page.goto(`${url}/#/helper/claims/index`);
  await tap(`已送达，去填写：${summary}`);
  await page.getByRole('textbox', { name: '送达说明' }).fill(note);
  await addPhoto(png([40, 160, 60]), 'delivered.png');
  await tap('确认已送达');
  await alert('已送达，等村民确认收到');
  await section('送达情况').filter({ hasText: note }).waitFor();

  // 4. The villager opens it from 我的心愿, sees it delivered, confirms and thanks.
  await signInAs(page, url, '李建国');
  await tap('我的心愿');
  const delivered = page.getByRole('button', { name: wishText }).filter({ hasText: '已送达' });
  await delivered.waitFor();
  await delivered.tap();
  await section('送达情况').filter({ hasText: note }).waitFor();
  await expectLoadedPhoto(wishPage().getByRole('img', { name: '送达照片 1' }));
  await tap('确认收到');
  await confirmDialog('确认已经收到？', '已经收到');
  await alert('已确认收到，谢谢您');
  await page.getByRole('textbox', { name: '感谢的话' }).fill(thanks);
  await tap('发送感谢');
  await alert('感谢的话已送给帮您的人');
  await section('感谢的话')
    .filter({ hasText: `“${thanks}”` })
    .waitFor();
  const progress = wishPage().getByRole('list', { name: '进度' });
  await progress.getByRole('listitem', { name: '收到，已完成' }).waitFor();
  await expect(progress.getByRole('listitem', { name: /当前|未开始/ }).count()).resolves.toBe(0);
  await wishPage().getByRole('list', { name: '办理记录' }).getByRole('listitem').filter({ hasText: '留下感谢' }).waitFor();
  const steps = (await historyLines()).map((line) => line.split('·')[0].trim());
  expect(steps).toEqual(['提交心愿', '审核通过，上心愿墙', '认领心愿', '送达', '确认收到', '留下感谢']);

  // 5. The helper reads the thanks: 我认领的 lists only claims still to deliver, so it comes by 消息.
  await signInAs(page, url, '陈静');
  await page.getByRole('tab', { name: /^消息/ }).tap();
  await page.getByRole('button', { name: '收到一份感谢' }).filter({ hasText: thanks }).tap();
  await section('感谢的话')
    .filter({ hasText: `“${thanks}”` })
    .waitFor();
  await expect(wishPage().innerText()).resolves.toContain('已确认收到');
});
