import {
  inviteCodeFromLaunch,
  inviteCodeProblem,
  inviteCodeSchema,
  invitePath,
  normalizeInviteCode,
  INVITE_ALPHABET,
  INVISIBLE_WITHOUT_PROPERTY_ESCAPES,
  sceneOf,
  inviteParams,
  zhErrorMap,
} from '.';

const messageOf = (raw: unknown): string => {
  const parsed = inviteCodeSchema.safeParse(raw, { errorMap: zhErrorMap });
  if (parsed.success) throw new Error(`expected ${JSON.stringify(raw)} to be refused, got ${parsed.data}`);
  return parsed.error.issues[0].message;
};

describe('an invite code as a person types it', () => {
  it.each([
    ['full-width letters, digits and dash', 'ＡＢＣＤ－２３４５'],
    ['ideographic spaces', '　ABCD　2345　'],
    ['an em dash', 'ABCD—2345'],
    ["a Chinese keyboard's double em dash", 'ABCD——2345'],
    ['hyphen, non-breaking hyphen, en dash, minus sign', 'AB‐CD‑23–45−'],
    ['the long-vowel mark, full and half width', 'ABCDー2345ｰ'],
    ['lower case with tabs and a zero-width space', 'abcd\t23\u200b45'],
    ['non-breaking and narrow spaces', 'ABCD\u00a02345\u202f'],
  ])('reads %s as the code', (_label, raw) => {
    expect(normalizeInviteCode(raw)).toBe('ABCD2345');
    expect(inviteCodeSchema.parse(raw)).toBe('ABCD2345');
    expect(inviteCodeProblem(raw)).toBeNull();
  });

  it('leaves a code that is already clean as it is', () => {
    expect(normalizeInviteCode('ABCD2345')).toBe('ABCD2345');
    expect(normalizeInviteCode(normalizeInviteCode('ａｂｃｄ－２３４５'))).toBe('ABCD2345');
  });

  it('has no 0, O, 1, I or L in its alphabet, which is why they are refused', () => {
    expect(INVITE_ALPHABET).not.toMatch(/[01OIL]/);
  });
});

describe('a character no code has', () => {
  it.each([
    ['0', 'ABCD0345', 5],
    ['O', 'ABCDO345', 5],
    ['o (lower case)', 'abcdo345', 5],
    ['Ｏ (full width)', 'ＡＢＣＤＯ３４５', 5],
    ['〇 (the Chinese zero)', 'ABC〇2345', 4],
  ])('is named for %s: codes have neither 0 nor O', (_label, raw, at) => {
    expect(messageOf(raw)).toBe(`邀请码里没有数字 0 和字母 O，请核对第 ${at} 位`);
  });

  it.each([
    ['1', '1BCD2345', 1],
    ['I', 'AICD2345', 2],
    ['i (lower case)', 'aicd2345', 2],
    ['L', 'ABLD2345', 3],
    ['l (lower case)', 'ablD2345', 3],
    ['１ (full width)', 'ABCD２３４１', 8],
    ['| (a bar that looks like them)', 'ABC|2345', 4],
  ])('is named for %s: codes have neither 1 nor I nor L', (_label, raw, at) => {
    expect(messageOf(raw)).toBe(`邀请码里没有数字 1 和字母 I、L，请核对第 ${at} 位`);
  });

  it.each([
    ['a Chinese character', '王BCD2345', '王', 1],
    ['一 from handwriting, which is not taken for a dash', 'ABCD一2345', '一', 5],
    ['an underscore', 'ABCD_2345', '_', 5],
    ['a full stop', 'ABCD.2345', '.', 5],
    ['an emoji, counted as one place', '😀BCD2345', '😀', 1],
  ])('is named as it is for %s', (_label, raw, ch, at) => {
    expect(messageOf(raw)).toBe(`邀请码只有字母和数字，没有“${ch}”，请核对第 ${at} 位`);
  });

  it.each([
    ['a control character', 'ABCD\u00072345'],
    ['a private-use character', 'ABCD\ue0002345'],
    ['an unassigned code point', 'ABCD\u03782345'],
  ])('is called invisible when it would print as nothing: %s', (_label, raw) => {
    expect(messageOf(raw)).toBe('邀请码里混进了看不见的符号，请删掉第 5 位');
  });

  it('still knows control characters on an engine without Unicode property escapes', () => {
    expect(INVISIBLE_WITHOUT_PROPERTY_ESCAPES.test('\u0007')).toBe(true);
    expect(INVISIBLE_WITHOUT_PROPERTY_ESCAPES.test('\u0085')).toBe(true);
    expect(INVISIBLE_WITHOUT_PROPERTY_ESCAPES.test('A')).toBe(false);
    expect(INVISIBLE_WITHOUT_PROPERTY_ESCAPES.test('一')).toBe(false);
  });

  it('is reported first, where it is, before the length', () => {
    expect(messageOf('AB0')).toBe('邀请码里没有数字 0 和字母 O，请核对第 3 位');
  });
});

describe('the length of a code', () => {
  it('asks for a code when nothing (or only spaces and dashes) was typed', () => {
    expect(messageOf('')).toBe('请输入邀请码');
    expect(messageOf(' 　—- ')).toBe('请输入邀请码');
    expect(messageOf(undefined)).toBe('请输入邀请码');
  });

  it('says how many places were typed when there are too few or too many', () => {
    expect(messageOf('ABCD234')).toBe('邀请码是 8 位，您填了 7 位，请核对');
    expect(messageOf('ABCD23456')).toBe('邀请码是 8 位，您填了 9 位，请核对');
  });

  it('refuses a very long text without working through it', () => {
    expect(messageOf('A'.repeat(101))).toBe('邀请码是 8 位，填的内容太长了');
  });

  it('is not complained about while the person is still typing, unlike a wrong character', () => {
    expect(inviteCodeProblem('', { whileTyping: true })).toBeNull();
    expect(inviteCodeProblem('ab', { whileTyping: true })).toBeNull();
    expect(inviteCodeProblem('ab0', { whileTyping: true })).toBe('邀请码里没有数字 0 和字母 O，请核对第 3 位');
    expect(inviteCodeProblem('ABCD23456', { whileTyping: true })).toBe('邀请码是 8 位，您填了 9 位，请核对');
  });
});

describe('the bind page opened with a code', () => {
  it('is linked as /pages/bind/index?code=… for a share card', () => {
    expect(invitePath('ABCD2345')).toBe('/pages/bind/index?code=ABCD2345');
  });

  it('reads the code from a link, normalised', () => {
    expect(inviteCodeFromLaunch({ code: 'ABCD2345' })).toBe('ABCD2345');
    expect(inviteCodeFromLaunch({ code: 'abcd-2345' })).toBe('ABCD2345');
  });

  it("reads the code from a scanned 小程序码's scene, as WeChat hands it (URL-encoded) or decoded", () => {
    const scene = sceneOf(inviteParams('ABCD2345'));
    expect(scene).toBe('code=ABCD2345');
    expect(inviteCodeFromLaunch({ scene: encodeURIComponent(scene) })).toBe('ABCD2345');
    expect(inviteCodeFromLaunch({ scene })).toBe('ABCD2345');
  });

  it('finds no code when the page was opened without one', () => {
    expect(inviteCodeFromLaunch({})).toBeNull();
    expect(inviteCodeFromLaunch(undefined)).toBeNull();
    expect(inviteCodeFromLaunch({ code: '' })).toBeNull();
    expect(inviteCodeFromLaunch({ scene: 'x=1' })).toBeNull();
  });
});
