/**
 * Two-character surnames (复姓) that stay whole when a name is masked, so 欧阳娜娜 reads 欧阳**
 * rather than 欧***. Only the common ones: a rare one we miss still shows one character and
 * masks the rest, which reveals less, never more.
 */
const COMPOUND_SURNAMES = new Set([
  '欧阳',
  '司马',
  '诸葛',
  '上官',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '长孙',
  '令狐',
  '宇文',
  '司徒',
  '夏侯',
  '轩辕',
  '端木',
  '独孤',
  '南宫',
  '西门',
  '呼延',
  '申屠',
  '万俟',
  '澹台',
  '淳于',
  '赫连',
  '钟离',
  '拓跋',
  '司空',
  '闻人',
  '太史',
]);

/**
 * 王** for 王秀兰: the surname and one * for each other character (issue 8), for cards that
 * people outside the household read. Characters are counted as code points so a 生僻字 beyond
 * U+FFFF (𠮷) is one character. A one-character name still gets a *, so the card never shows
 * a name whole; an empty name is a lone *.
 */
export function maskName(name: string): string {
  const chars = Array.from(name.replace(/\s+/g, ''));
  if (chars.length === 0) return '*';
  const compound = chars.length > 2 && COMPOUND_SURNAMES.has(chars.slice(0, 2).join(''));
  const keep = compound ? 2 : 1;
  return chars.slice(0, keep).join('') + '*'.repeat(Math.max(1, chars.length - keep));
}
