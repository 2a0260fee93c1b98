import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import {
  axeFindings,
  callAs,
  demoOpenids,
  minimumsAt,
  openAs,
  pageQuality,
  qualityFailures,
  settle,
  signInAs,
  useE2E,
  type E2E,
  type TextSize,
} from './harness';

/**
 * 找干部帮忙 end to end (issue 10): villager 王秀兰 asks for 就医协助, and the request is refused until
 * she gives her consent → the village's cadre 赵明远 finds it under 待办求助, accepts it and resolves it
 * with a note → she is asked 问题解决了吗？ with that note, answers 解决了, and the request is 已完成.
 */

const t = useE2E();
let e2e: E2E;
let page: Page;
beforeEach(() => ({ e2e, page } = t));

const tap = (name: string | RegExp) => page.getByRole('button', { name }).first().tap();
/** The page shown (Taro keeps earlier pages in the DOM, hidden). */
const shown = (className: string) => page.locator(`.page.${className}:visible`);

const text = '老伴下周三要去县医院复查，想请干部帮忙挂号';
const resolution = '已帮您挂好县医院周三上午9点的号';

it('takes a request for 就医协助 from the villager to the cadre and back to 已完成', async () => {
  const url = e2e.standIn.url;

  // 1. The villager asks from the home page: the kind, the words, then the consent.
  await signInAs(page, url, '王秀兰');
  await tap('找干部帮忙');
  await page.getByRole('radio', { name: '就医协助' }).tap();
  await page.getByRole('textbox', { name: '情况说明' }).fill(text);
  await tap('下一步');
  await shown('consult-new').getByText(text).waitFor();
  // Without the consent nothing is sent: the reason is said at the box.
  const submitted = { count: 0 };
  page.on('request', (r) => {
    if (r.url().endsWith('/api/functions/consults') && /"submit"/.test(r.postData() ?? '')) submitted.count++;
  });
  await tap('提交，请干部帮忙');
  await page.getByRole('alert').filter({ hasText: '需要您先同意由干部代为办理' }).waitFor();
  expect(submitted.count).toBe(0);
  await page.getByRole('checkbox', { name: /我同意由驻村干部代为办理/ }).tap();
  await tap('提交，请干部帮忙');
  const done = shown('consult-new').locator('.consult-done');
  await done.waitFor();
  await expect(done.innerText()).resolves.toMatch(/一般 4\s小时内答复/);
  expect(submitted.count).toBe(1);

  // 2. The cadre finds it under 待办求助 and opens it.
  await signInAs(page, url, '赵明远');
  await tap('待办求助');
  const card = shown('consult-queue').locator('.consult-card', { hasText: '就医协助' }).first();
  await card.waitFor();
  await expect(card.innerText()).resolves.toContain('王秀兰');
  await expect(card.innerText()).resolves.toContain('等待受理');
  await card.tap();
  const detail = shown('consult');
  await detail.getByText(text).waitFor();

  // 3. He accepts it, then resolves it with a note.
  await tap(/^受理$/);
  await detail.locator('.consult-status', { hasText: '已受理' }).waitFor();
  await tap(/^办结$/);
  await page.getByRole('textbox', { name: '办理结果' }).fill(resolution);
  await tap('确认办结');
  await detail.locator('.consult-status', { hasText: '已办结' }).waitFor();

  // 4. The villager sees 问题解决了吗？ under 我的求助, with his note, and answers 解决了.
  await signInAs(page, url, '王秀兰');
  await tap('我的求助');
  const mine = shown('my-consults').locator('.consult-card', { hasText: '就医协助' }).first();
  await mine.waitFor();
  await expect(mine.innerText()).resolves.toContain('已办结，请告诉干部问题解决了没有');
  await mine.tap();
  const question = shown('consult').getByRole('region', { name: '问题解决了吗？' });
  await question.waitFor();
  await expect(question.innerText()).resolves.toContain(resolution);
  await question.getByRole('button', { name: '解决了' }).tap();

  // 5. The request is 已完成, every step done, and the history says who did what.
  const closed = shown('consult');
  await closed.locator('.consult-status', { hasText: '已完成' }).waitFor();
  await expect(question.count()).resolves.toBe(0);
  await closed.getByRole('listitem', { name: '已完成，已完成' }).waitFor();
  const history = await closed.getByRole('list', { name: '办理记录' }).innerText();
  for (const words of ['提交求助', '受理', '办结', '确认问题已解决', resolution]) expect(history).toContain(words);
});

/**
 * What pages.e2e.ts cannot reach by opening a page: the steps behind a tap (the description, the
 * consent with its refusal, the legal-aid card), the cadre's handover and resolution forms, and the
 * villager's 没解决 reason; each measured and scanned on the narrowest phone in both sizes.
 */
it.each(['large', 'standard'] as TextSize[])('keeps the forms behind each tap readable and tappable at 320 px (%s)', async (size) => {
  const url = e2e.standIn.url;
  const ids = await demoOpenids(url);
  const [villager, cadre] = [ids.get('王秀兰')!, ids.get('赵明远')!];
  const phone = await e2e.newPhone({ width: 320, textSize: size });
  const p = await phone.newPage();
  const min = minimumsAt(size, 320);
  const failures: string[] = [];
  const check = async (where: string) => {
    await settle(p);
    const q = await pageQuality(p, min);
    failures.push(...qualityFailures(q, min, await axeFindings(p)).map((f) => `${where}: ${f}`));
  };
  try {
    await openAs(p, url, villager, 'consult/new/index');
    await p.getByRole('radio', { name: '法律咨询 / 矛盾调解' }).tap();
    await p.getByRole('region', { name: '法律援助便民服务卡' }).waitFor();
    await check('describe step with the legal-aid card');
    await p.getByRole('textbox', { name: '情况说明' }).fill('邻居家盖房占了我家的宅基地，想问问怎么办');
    await p.getByRole('button', { name: '下一步' }).tap();
    await p.getByRole('button', { name: '提交，请干部帮忙' }).tap();
    await p.getByRole('alert').filter({ hasText: '需要您先同意' }).waitFor();
    await check('consent step refused');

    const ask = { type: 'forms', text: '帮忙填一下医保报销的表', consent: true, requestId: randomUUID() };
    const { id } = (await callAs(url, villager, 'consults', 'submit', ask)) as { id: string };
    await openAs(p, url, cadre, `consult/detail/index?id=${id}`);
    await p.getByRole('button', { name: '转交' }).tap();
    await p.getByRole('radiogroup', { name: '转交给' }).waitFor();
    await check('handover form');
    await callAs(url, cadre, 'consults', 'accept', { id });
    await openAs(p, url, cadre, `consult/detail/index?id=${id}`);
    await p.getByRole('button', { name: '办结' }).tap();
    await check('resolution form');
    await p.getByRole('textbox', { name: '办理结果' }).fill('表已填好，下周一帮您交到镇医保站');
    await p.getByRole('button', { name: '确认办结' }).tap();
    await p.locator('.consult-status', { hasText: '已办结' }).waitFor();

    await openAs(p, url, villager, `consult/detail/index?id=${id}`);
    await p.getByRole('button', { name: '没解决' }).tap();
    await p.getByRole('button', { name: '告诉干部接着办' }).tap();
    await p.getByRole('alert').filter({ hasText: '请说说还有什么没解决' }).waitFor();
    await check('not-solved reason');
  } finally {
    await phone.close();
  }
  expect(failures).toEqual([]);
});
