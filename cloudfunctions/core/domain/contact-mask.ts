/**
 * Phone and ID numbers typed into text that the whole village reads (the message board) are
 * masked before the text is stored, so nobody else ever sees them whole: 138****5678. Ordinary
 * numbers (500元, 2026-11-27, 30 户, a 7-digit local number without its area code) stay as written.
 */

/** Full-width digits and signs, as a Chinese keyboard types them, read as their ASCII twins (one code unit each, so offsets hold). */
const FULL_WIDTH: Record<string, string> = { '（': '(', '）': ')', '－': '-', '—': '-', '–': '-', '　': ' ', '＋': '+', Ｘ: 'X', ｘ: 'x' };
const toAscii = (ch: string): string => {
  const code = ch.charCodeAt(0);
  if (code >= 0xff10 && code <= 0xff19) return String.fromCharCode(code - 0xff10 + 48);
  return FULL_WIDTH[ch] ?? ch;
};

/**
 * One pass, leftmost match first; every alternative starts where no digit precedes it and ends
 * where none follows, so a number is never cut out of a longer one (a 19-digit bank card is not an ID).
 * - mobile: 1[3-9] and 9 digits, also as 138 1234 5678 or 138-1234-5678, with +86 / 0086 kept (first, so
 *   that 0086 and a mobile are not read as a 15-digit ID; an ID never matches it, having no end after 11 digits);
 * - id18: 17 digits and a digit or X, optionally grouped 6 8 4;
 * - id15: the old 15-digit ID;
 * - landline: an area code (0 and 2–3 digits) set off by a dash, a space or brackets, then 7–8 digits;
 * - bare: an area code and its local number run together (03111234567), read by the area-code rule below.
 */
const PATTERN = new RegExp(
  [
    String.raw`(?<cc>(?:\+|00)?86[ -]?)?(?<mobile>1[3-9]\d[ -]?\d{4}[ -]?\d{4})(?!\d)`,
    String.raw`(?<id18>\d{6} ?\d{8} ?\d{3}[\dXx])(?![\dXx])`,
    String.raw`(?<id15>\d{15})(?!\d)`,
    String.raw`(?<area>\(0\d{2,3}\) ?|0\d{2,3}[ -])(?<local>\d{3,4}[ -]?\d{4})(?!\d)`,
    String.raw`(?<bare>0[1-9]\d{8,10})(?!\d)`,
  ]
    .map((p) => String.raw`(?<!\d)(?:${p})`)
    .join('|'),
  'g',
);

const digitsOf = (s: string): string => s.replace(/[^\dXx]/g, '');
const keepEnds = (d: string, head: number, tail: number, stars: number): string =>
  d.slice(0, head) + '*'.repeat(stars) + d.slice(d.length - tail);

/** 010 and 02x are the three-digit area codes (Beijing, Shanghai, Tianjin, Chongqing and the big cities); the rest have four. */
const areaLength = (digits: string): number => (digits[1] === '1' || digits[1] === '2' ? 3 : 4);

function masked(groups: Record<string, string | undefined>, whole: string): string {
  const { id18, id15, cc, mobile, area, local, bare } = groups;
  if (id18) return keepEnds(digitsOf(id18), 3, 4, 11);
  if (id15) return keepEnds(id15, 3, 4, 8);
  // A constant four stars: the mask does not tell how long the hidden part was.
  if (mobile) return (cc ?? '') + keepEnds(digitsOf(mobile), 3, 4, 4);
  if (area && local) return `${area}****${digitsOf(local).slice(-4)}`;
  if (bare) {
    const localLength = bare.length - areaLength(bare);
    if (localLength < 7 || localLength > 8) return whole;
    return `${bare.slice(0, areaLength(bare))}****${bare.slice(-4)}`;
  }
  return whole;
}

/** `text` with every mobile, landline and ID number in it masked; the rest exactly as written. Masking masked text changes nothing. */
export function maskContacts(text: string): string {
  const ascii = Array.from(text, (ch) => (ch.length === 1 ? toAscii(ch) : ch)).join('');
  let out = '';
  let from = 0;
  for (const m of ascii.matchAll(PATTERN)) {
    const at = m.index ?? 0;
    out += text.slice(from, at) + masked(m.groups ?? {}, text.slice(at, at + m[0].length));
    from = at + m[0].length;
  }
  return out + text.slice(from);
}

/** Whether `text` holds a number that maskContacts hides: a cadre's note to an author can say why their words changed. */
export const hasContacts = (text: string): boolean => maskContacts(text) !== text;
