import type { Page } from 'playwright-core';
import { settle, signInAs, useE2E, type E2E } from './harness';

/**
 * A severe-weather warning end to end (issue 11): the township office (周海涛) relays a red rainstorm
 * warning to 杏花村 → a villager there (王秀兰) finds it on top of her notices, named 红色预警 in
 * words, opens it and has it read aloud → the village's cadre (赵明远) sees who has not read it yet.
 */

const t = useE2E();
let e2e: E2E;
let page: Page;
beforeEach(() => ({ e2e, page } = t));

const tap = (name: string | RegExp) => page.getByRole('button', { name }).first().tap();
/** The page shown (Taro keeps earlier pages in the DOM, hidden). */
const shown = (className: string) => page.locator(`.page.${className}:visible`);

const text = '预计未来 6 小时杏花村将出现 100 毫米以上的强降水，请立即转移低洼处和河道边的群众，停止田间作业。';

/**
 * The browser's speech synthesis replaced by one that records what it is given and finishes it
 * when the test says (`__endSpeech`): headless chromium has no voices to speak with. Plain
 * JavaScript in a string, since the page runs it as written (no test transpiler's helpers there).
 */
const recordSpeech = `
  (() => {
    const spoken = [];
    let queued = [];
    function Utterance(text) {
      this.text = text;
      this.lang = '';
      this.rate = 1;
      this.voice = null;
      this.onend = null;
      this.onerror = null;
    }
    const synth = {
      speak(u) {
        spoken.push(u.lang + '|' + u.text);
        queued.push(u);
      },
      cancel() {
        const dropped = queued;
        queued = [];
        for (const u of dropped) if (u.onerror) u.onerror({ error: 'interrupted' });
      },
      getVoices() {
        return [];
      },
    };
    Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
    Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
    window.__spoken = spoken;
    window.__endSpeech = () => {
      const done = queued;
      queued = [];
      for (const u of done) if (u.onend) u.onend();
    };
  })();
`;

it('takes a red rainstorm warning from the office to a villager, who hears it, and shows the cadre who has not read it', async () => {
  const url = e2e.standIn.url;
  const users = (await (await fetch(`${url}/api/dev/users`)).json()) as { name: string; role: string; villageName: string | null }[];
  // Another villager of 杏花村, who never opens it.
  const other = users.find((u) => u.role === 'villager' && u.villageName === '杏花村' && u.name !== '王秀兰')?.name;
  expect(other).toBeDefined();

  // Before the app's first load: later sign-ins only change the address's hash, in the same document.
  await page.context().addInitScript({ content: recordSpeech });

  // 1. The office enters the warning: type and level as chips, the title follows them; it confirms a red one.
  await signInAs(page, url, '周海涛');
  await tap('发布预警');
  const form = shown('warning-entry');
  await form.getByRole('radio', { name: '暴雨' }).tap();
  await form.getByRole('radio', { name: '红色预警' }).tap();
  await expect(form.getByRole('textbox', { name: '预警标题' }).inputValue()).resolves.toBe('暴雨红色预警');
  await form.getByRole('textbox', { name: '预警内容' }).fill(text);
  await form.getByRole('checkbox', { name: '杏花村' }).tap();
  await tap('发布预警');
  const dialog = page.getByRole('dialog');
  await expect(dialog.innerText()).resolves.toContain('马上发给所选各村用小程序的每一个人');
  await dialog.getByRole('button', { name: '马上发布' }).tap();
  await form.getByText('✓ 预警已发布').waitFor();

  // 2. The villager: the warning on top of her notices, its level in words, read aloud on a tap.
  await signInAs(page, url, '王秀兰');
  await tap(/^通知/);
  const list = shown('notice-list');
  await list.locator('.card').first().waitFor();
  const top = list.locator('.card').first();
  const words = await top.innerText();
  expect(words).toContain('红色预警');
  expect(words).toContain('暴雨');
  expect(words).toContain('暴雨红色预警');
  expect(words).toContain('未读');
  await expect(top.getAttribute('class')).resolves.toContain('level-red');
  await top.tap();
  const detail = shown('notice-detail');
  await detail.getByText(text).waitFor();
  await tap('朗读');
  await detail.getByRole('button', { name: '停止朗读' }).waitFor();
  const spoken = (await page.evaluate(() => (window as unknown as { __spoken: string[] }).__spoken)).map((s) => s.split('|'));
  expect(spoken.every(([lang]) => lang === 'zh-CN')).toBe(true);
  const heard = spoken.map(([, words]) => words).join('');
  expect(heard).toContain('暴雨红色预警');
  expect(heard).toContain('请立即转移低洼处和河道边的群众');
  // The voice ends, and the button says 朗读 again.
  await page.evaluate(() => (window as unknown as { __endSpeech: () => void }).__endSpeech());
  await detail.getByRole('button', { name: '朗读', exact: true }).waitFor();

  // 3. The cadre opens it from his notices, where it is on top too; 王秀兰 has read it, the other villager not.
  await signInAs(page, url, '赵明远');
  await tap(/^通知/);
  await shown('notice-list').locator('.card.notice-warning', { hasText: '暴雨红色预警' }).first().tap();
  const unread = shown('notice-detail').getByRole('list', { name: '未读名单' });
  await unread.waitFor();
  await settle(page);
  const names = (await unread.getByRole('listitem').allInnerTexts()).join('\n');
  expect(names).toContain(other!);
  expect(names).not.toContain('王秀兰');
  await expect(shown('notice-detail').locator('.readers-count').innerText()).resolves.toMatch(/^已读 [1-9]\d* \/ 共 \d+$/);
});
