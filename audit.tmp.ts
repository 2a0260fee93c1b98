import { chromium } from 'playwright-core';
const url = 'http://127.0.0.1:8799';
const pagesFor: Record<string, string[]> = { 王秀兰: ['index', 'wish-new', 'my-wishes', 'settings', 'inbox'], 赵明远: ['index', 'review-wishes', 'invite', 'inbox'] };
async function main() {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  for (const size of ['standard', 'large']) for (const [who, pages] of Object.entries(pagesFor)) {
    const page = await (await browser.newContext({ viewport: { width: 375, height: 800 }, hasTouch: true, isMobile: true })).newPage();
    await page.addInitScript('window.__name = (f) => f');
    await page.goto(`${url}/#/pages/dev-login/index`);
    await page.locator('taro-button-core', { hasText: who }).first().tap();
    await page.locator('.home').waitFor();
    if (size === 'large') { await page.goto(`${url}/#/pages/settings/index`); await page.locator('taro-button-core', { hasText: '大字' }).first().tap(); }
    for (const p of pages) {
      await page.goto(`${url}/#/pages/${p}/index`);
      await page.waitForTimeout(1000);
      const bad = await page.evaluate((pageName) => {
        const parse = (c: string) => { const m = c.match(/[\d.]+/g)!.map(Number); return { r: m[0], g: m[1], b: m[2], a: m[3] ?? 1 }; };
        const lum = (c: { r: number; g: number; b: number }) => { const f = (v: number) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }; return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
        const root = [...document.querySelectorAll('.page')].find((el) => (el as HTMLElement).offsetParent !== null) as HTMLElement;
        const out: string[] = [];
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const text = n.textContent!.trim(); if (!text) continue;
          const el = n.parentElement!; const cs = getComputedStyle(el);
          if (el.offsetParent === null) continue;
          let fg = parse(cs.color); let opacity = 1;
          let bg = null as null | ReturnType<typeof parse>;
          for (let a: HTMLElement | null = el; a; a = a.parentElement) { const s = getComputedStyle(a); opacity *= Number(s.opacity); if (!bg) { const c = parse(s.backgroundColor); if (c.a > 0) bg = c; } }
          bg = bg ?? { r: 255, g: 255, b: 255, a: 1 };
          const page = { r: 246, g: 241, b: 234 };
          const mix = (c: typeof fg, o: number, under: { r: number; g: number; b: number }) => ({ r: c.r * o + under.r * (1 - o), g: c.g * o + under.g * (1 - o), b: c.b * o + under.b * (1 - o), a: 1 });
          const bgEff = mix(bg, opacity, page); const fgEff = mix(fg, fg.a * opacity, bgEff);
          const L1 = lum(fgEff), L2 = lum(bgEff); const ratio = (Math.max(L1, L2) + 0.05) / (Math.min(L1, L2) + 0.05);
          const px = parseFloat(cs.fontSize);
          if (ratio < 4.5) out.push(`${pageName} contrast ${ratio.toFixed(2)} "${text.slice(0, 12)}" ${cs.color} on ${cs.backgroundColor}`);
          out.push(`SIZE ${px}`);
        }
        const sizes = out.filter((s) => s.startsWith('SIZE')).map((s) => Number(s.slice(5)));
        return [...out.filter((s) => !s.startsWith('SIZE')), `${pageName} min font ${Math.min(...sizes)}px`];
      }, p);
      console.log(size, who, bad.join('\n  '));
    }
  }
  await browser.close();
}
void main();
