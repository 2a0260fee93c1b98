import keywords from '../../../config/content-keywords.json';
import { keywordContentCheck } from './keyword-content-check';

describe('the keyword content check of the stand-in', () => {
  const check = (text: string) => keywordContentCheck().check(text, 'wx-1');

  it('passes an ordinary wish', async () => {
    expect(await check('冬天需要一床厚棉被，孙子上学还缺一个书包。')).toBe('pass');
  });

  it('refuses plainly unacceptable words, also spaced out, punctuated or in full-width letters', async () => {
    for (const text of ['可以代开发票，联系我', '一起去赌 博吧', '出售枪-支弹药', '网　赌']) expect(await check(text)).toBe('risky');
  });

  it("refuses WeChat's own msgSecCheck test sample", async () => {
    expect(await check('特3456书yuuo莞6543李zxcz蒜7782法fgnv级')).toBe('risky');
  });

  it('holds doubtful words for a person to look at', async () => {
    expect(await check('请直接转账给我家')).toBe('review');
  });

  it('reads its lists from config/content-keywords.json, each word refused or held', async () => {
    for (const word of keywords.risky) expect(await check(`前面${word}后面`)).toBe('risky');
    for (const word of keywords.review) expect(await check(`前面${word}后面`)).toBe('review');
  });

  it('takes other lists', async () => {
    const custom = keywordContentCheck({ risky: ['坏词'], review: [] });
    expect(await custom.check('一个坏词', null)).toBe('risky');
    expect(await custom.check('赌博', null)).toBe('pass');
  });

  it("refuses WeChat's documented test samples on the message board too, also typed with spaces or full-width letters", async () => {
    const board = (text: string) => keywordContentCheck().check(text, 'wx-1', 'forum');
    expect(await board('特3456书yuuo莞6543李zxcz蒜7782法fgnv级')).toBe('risky');
    expect(await board('大家看：特3456书yuuo莞6543李zxcz蒜7782法fgnv级！')).toBe('risky');
    expect(await board('特 3456 书 ＹＵＵＯ 莞6543李zxcz蒜7782法fgnv级')).toBe('risky');
    expect(await board('完2347全dfji试3726测asad感3847知qwez到')).toBe('risky');
  });

  it('passes an ordinary board post and holds one that asks for money or a WeChat id', async () => {
    const board = (text: string) => keywordContentCheck().check(text, 'wx-1', 'forum');
    expect(await board('村口的路灯坏了三天了，晚上走路看不见，麻烦干部看看。')).toBe('pass');
    expect(await board('明天上午九点在村委会开会，请各户派一个人参加。')).toBe('pass');
    expect(await board('有需要的加微信联系我')).toBe('review');
    expect(await board('网 赌 稳赚不赔')).toBe('risky');
  });
});
