import { maskName } from './mask';

describe('maskName', () => {
  it('keeps the surname and puts one * for each other character', () => {
    expect(maskName('王秀兰')).toBe('王**');
    expect(maskName('李芳')).toBe('李*');
    expect(maskName('阿依古丽')).toBe('阿***');
  });

  it('keeps a compound surname whole', () => {
    expect(maskName('欧阳娜娜')).toBe('欧阳**');
    expect(maskName('司马光')).toBe('司马*');
    expect(maskName('诸葛亮')).toBe('诸葛*');
  });

  it('treats a two-character name that starts like a compound surname as surname + given name', () => {
    // 欧阳 alone would be shown whole; a two-character name keeps only its first character.
    expect(maskName('欧阳')).toBe('欧*');
  });

  it('never shows a one-character name whole', () => {
    expect(maskName('王')).toBe('王*');
    expect(maskName('')).toBe('*');
    expect(maskName('   ')).toBe('*');
  });

  it('counts a character beyond U+FFFF as one and ignores spaces', () => {
    expect(maskName('𠮷 小明')).toBe('𠮷**');
    expect(maskName('陈𠮷')).toBe('陈*');
  });
});
