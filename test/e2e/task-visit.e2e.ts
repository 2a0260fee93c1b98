import type { Page } from 'playwright-core';
import { settle, signInAs, useE2E, type E2E } from './harness';

/**
 * 四必访 end to end (issue 9): villager 王秀兰 reports 重大疾病 for her household → the village's
 * cadre 赵明远 finds an urgent task on top of his list, said 紧急 in words → logs a visit with the
 * four questions → the task is done and the household's record book shows the visit.
 */

const t = useE2E();
let e2e: E2E;
let page: Page;
beforeEach(() => ({ e2e, page } = t));

const tap = (name: string | RegExp) => page.getByRole('button', { name }).first().tap();
const alert = (text: string | RegExp) => page.getByRole('alert').filter({ hasText: text }).waitFor();
/** The page shown (Taro keeps earlier pages in the DOM, hidden). */
const shown = (className: string) => page.locator(`.page.${className}:visible`);

const note = '老伴住院了，家里没人照顾';

it('takes a reported illness from the villager to a cadre’s logged visit that closes the task', async () => {
  const url = e2e.standIn.url;
  // The month's routine visits exist too, so "on top" means above them.
  expect((await fetch(`${url}/api/dev/timers/tasks`, { method: 'POST' })).status).toBe(200);

  // 1. The villager reports it from the home page, confirms, and is told who will come.
  await signInAs(page, url, '王秀兰');
  await tap('家里有事');
  await page.getByRole('radio', { name: '重大疾病' }).tap();
  await page.getByRole('textbox', { name: '情况说明' }).fill(note);
  await tap('下一步');
  await shown('report-event').getByText(note).waitFor();
  await tap('确认，请干部来');
  await shown('report-event').getByText('✓ 已经告诉驻村干部了').waitFor();
  const visitors = await page.getByRole('list', { name: '谁会来' }).getByRole('listitem').allInnerTexts();
  expect(visitors.join(' ')).toContain('赵明远');
  expect(visitors.join(' ')).toContain('陈静');

  // 2. The cadre sees it on 今天 and on top of 全部, above the month's routine visits, marked 紧急 in words.
  await signInAs(page, url, '赵明远');
  await tap(/^走访任务/);
  const cards = shown('visit-tasks').locator('.task-card');
  const expectUrgentOnTop = async () => {
    await cards.first().waitFor();
    const top = await cards.first().innerText();
    expect(top).toContain('紧急');
    expect(top).toContain('王秀兰');
    expect(top).toContain('重大疾病');
  };
  await expectUrgentOnTop();
  await page.getByRole('tab', { name: /^全部/ }).tap();
  await cards.nth(1).waitFor();
  await expectUrgentOnTop();
  await expect(cards.filter({ hasText: '紧急' }).count()).resolves.toBe(1);
  await cards.first().tap();
  await shown('visit-task').locator('.task-who', { hasText: '王秀兰' }).waitFor();
  await expect(shown('visit-task').innerText()).resolves.toContain(note);
  const taskUrl = page.url();

  // 3. The visit log: in person, one tap per question plus words of his own, one problem found.
  await tap('记走访');
  await shown('visit-log').getByText('走访 王秀兰家').waitFor();
  await page.getByRole('radio', { name: '入户走访' }).tap();
  const quick = (question: string, phrase: string) =>
    page
      .getByRole('radiogroup', { name: `${question}常用回答` })
      .getByRole('radio', { name: phrase })
      .tap();
  await quick('家庭情况', '有人生病');
  await quick('生活疾苦', '看病有困难');
  await page.getByRole('textbox', { name: '现实需求', exact: true }).fill('需要联系县医院办理大病救助');
  await quick('脱贫意向', '积极向上');
  await tap('＋ 添加一个问题');
  await page.getByRole('textbox', { name: '问题 1', exact: true }).fill('医药费负担重，申请大病救助');
  await tap('提交走访记录');
  await alert(/走访已记下，完成了 \d+ 项任务/);

  // 4. The household's record book shows the visit; the must-visit is no longer open.
  const book = shown('household');
  const visits = book.getByRole('region', { name: '走访记录' });
  await visits.getByText('需要联系县医院办理大病救助').waitFor();
  const record = await visits.innerText();
  for (const words of ['入户走访', '家庭情况：', '有人生病', '看病有困难', '积极向上', '医药费负担重，申请大病救助', '赵明远']) {
    expect(record).toContain(words);
  }
  // The cadres' must-visit is no longer open (a paired helper's own one, if shown, stays until they visit).
  const urgent = book.locator('.task-card', { hasText: '紧急' }).filter({ hasNotText: '帮扶责任人' });
  await expect(urgent.count()).resolves.toBe(0);
  await book.getByText('待跟进的问题').waitFor();

  // 5. Back, as the cadre would go: the task reads 已完成 …
  await page.goBack();
  const task = shown('visit-task');
  await task.getByRole('list', { name: '办理记录' }).getByRole('listitem').filter({ hasText: '已完成' }).waitFor();
  await expect(task.locator('.task-due').innerText()).resolves.toBe('已完成');
  await expect(task.getByRole('button', { name: '记走访' }).count()).resolves.toBe(0);

  // … and it is gone from his list of what is left to do, read afresh on the way back.
  const reread = page.waitForResponse((r) => r.url().endsWith('/api/functions/tasks') && /"list"/.test(r.request().postData() ?? ''));
  await page.goBack();
  await reread;
  await settle(page);
  const left = shown('visit-tasks');
  await left.locator('.task-card').first().waitFor();
  await expect(left.locator('.task-card', { hasText: '紧急' }).count()).resolves.toBe(0);
  expect(taskUrl).toContain('/visit/task/index?id=');
});
