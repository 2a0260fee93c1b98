import { z } from 'zod';
import { launchParams, pageLink } from './launch';
import { routes } from './routes';

/** Invite codes avoid 0/O and 1/I/L so they can be read out over the phone. */
export const INVITE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const INVITE_CODE_LENGTH = 8;
export const INVITE_VALID_DAYS = 7;

/**
 * What is dropped from what a person typed, after NFKC has turned full-width letters,
 * digits and signs (ＡＢＣＤ－２３４５, the ideographic space) into their plain forms:
 * - whitespace of every kind (`\s` includes U+3000, the space of Chinese keyboards);
 * - dashes, Unicode's Pd category (- ‐ ‑ ‒ – — ― ⸺ ﹘ ﹣ 〜 …): people write a code as
 *   ABCD-2345 or ABCD——2345 (— is what a Chinese keyboard gives for shift and -);
 * - two dashes Pd leaves out: − U+2212 (the minus of number pads and calculators) and
 *   ー U+30FC (the long-vowel mark some keyboards give for -; half-width ｰ becomes it);
 * - invisible format characters (Cf: zero-width space, soft hyphen, BOM), which come along
 *   when a code is copied out of a chat and which nobody can see to delete.
 * Not dropped: 一 (the character for one, which handwriting gives for a stroke), _ . · and
 * the rest. A code has no such character either, but guessing that one was a separator could
 * quietly turn a mistyped code into another; the message names it instead.
 */
const SEPARATORS = /[\s\p{Pd}\p{Cf}\u2212\u30fc]/gu;

/** The code as it will be checked and stored, for showing back to the person while they type. */
export const normalizeInviteCode = (raw: string): string => raw.normalize('NFKC').replace(SEPARATORS, '').toUpperCase();

/**
 * Characters left out of the alphabet because they look alike, with what to tell a person who
 * typed one. 〇 is the Chinese zero; | is what a 1, I or l can look like.
 */
const LOOKALIKES: readonly { chars: string; say: string }[] = [
  { chars: '0O〇', say: '邀请码里没有数字 0 和字母 O' },
  { chars: '1IL|', say: '邀请码里没有数字 1 和字母 I、L' },
];

const allowed = new Set(INVITE_ALPHABET);

/** Controls, format marks, private-use and unassigned characters: Unicode's C categories. */
const INVISIBLE = otherCharacters();

/*
 * Built from a string: as a literal, Babel spells \p{C} out for the oldest browsers in our
 * browserslist, 3.4 KB in the app's first download. Every engine the app runs on (Node, WeChat's on
 * iOS 12+ and V8 on Android, today's browsers) knows property escapes; one that does not still
 * recognises the controls and the invisible marks that come along when a code is copied.
 */
function otherCharacters(): RegExp {
  try {
    return new RegExp('\\p{C}', 'u');
  } catch {
    return INVISIBLE_WITHOUT_PROPERTY_ESCAPES;
  }
}

// eslint-disable-next-line no-control-regex -- control characters are what it looks for
export const INVISIBLE_WITHOUT_PROPERTY_ESCAPES = /[\0-\x1f\x7f-\x9f\xad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/;

function characterProblem(ch: string, at: number): string {
  const where = `，请核对第 ${at} 位`;
  const lookalike = LOOKALIKES.find((l) => l.chars.includes(ch));
  if (lookalike) return lookalike.say + where;
  // A control or unassigned character would print as nothing (or a box) between the quotes.
  if (INVISIBLE.test(ch)) return `邀请码里混进了看不见的符号，请删掉第 ${at} 位`;
  return `邀请码只有字母和数字，没有“${ch}”${where}`;
}

/**
 * What is wrong with a code, in words for the person who typed it, or null when it is fine.
 * Takes what was typed (it normalises first). `whileTyping` leaves out "empty" and "too short",
 * so a page can check each keystroke and only speak up about a character that cannot be there.
 */
export function inviteCodeProblem(raw: string, options: { whileTyping?: boolean } = {}): string | null {
  const chars = [...normalizeInviteCode(raw)];
  const bad = chars.findIndex((ch) => !allowed.has(ch));
  if (bad >= 0) return characterProblem(chars[bad], bad + 1);
  if (chars.length > INVITE_CODE_LENGTH) return `邀请码是 ${INVITE_CODE_LENGTH} 位，您填了 ${chars.length} 位，请核对`;
  if (options.whileTyping) return null;
  if (chars.length === 0) return '请输入邀请码';
  if (chars.length < INVITE_CODE_LENGTH) return `邀请码是 ${INVITE_CODE_LENGTH} 位，您填了 ${chars.length} 位，请核对`;
  return null;
}

/** Far beyond any way of writing a code: a bound on the work a request can ask for. */
const MAX_TYPED = 100;

/** An invite code as a person may type it; parses to the normalised code, or fails with inviteCodeProblem's words. */
export const inviteCodeSchema = z
  .string({ required_error: '请输入邀请码' })
  .max(MAX_TYPED, `邀请码是 ${INVITE_CODE_LENGTH} 位，填的内容太长了`)
  .superRefine((raw, ctx) => {
    const problem = inviteCodeProblem(raw);
    if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
  })
  .transform(normalizeInviteCode);

/** The bind page's parameters for a code: the same key in a link's query and in a 小程序码's scene. */
export const inviteParams = (code: string): { code: string } => ({ code });

/** The bind page with the code filled in, e.g. for a share card's `path`: /pages/bind/index?code=ABCD2345. */
export const invitePath = (code: string): string => pageLink(routes.bind, inviteParams(code));

/**
 * The code the bind page was opened with (by a share card, a scanned 小程序码 or the stand-in's
 * QR link), normalised, or null when it was opened without one. Pass the page's query as it came.
 */
export function inviteCodeFromLaunch(query: Readonly<Record<string, string | undefined>> | null | undefined): string | null {
  const code = normalizeInviteCode(launchParams(query).code ?? '');
  return code === '' ? null : code;
}
