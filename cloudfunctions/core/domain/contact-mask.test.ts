import fc from 'fast-check';
import { hasContacts, maskContacts } from './contact-mask';

describe('masking phone and ID numbers in text', () => {
  it.each([
    ['请打13812345678找我', '请打138****5678找我'],
    ['电话 138 1234 5678', '电话 138****5678'],
    ['电话138-1234-5678。', '电话138****5678。'],
    ['全角１３８１２３４５６７８也算', '全角138****5678也算'],
    ['+86 13912345678', '+86 139****5678'],
    ['008615912345678', '0086159****5678'],
    ['19912345678,17712345678', '199****5678,177****5678'],
  ])('masks the middle four digits of a mobile: %s', (text, want) => {
    expect(maskContacts(text)).toBe(want);
  });

  it.each([
    ['办公室0311-12345678', '办公室0311-****5678'],
    ['(0311)1234567', '(0311)****4567'],
    ['（０３１１）１２３４５６７', '(0311)****4567'],
    ['北京010-12345678', '北京010-****5678'],
    ['0311 87654321', '0311 ****4321'],
    ['座机03111234567', '座机0311****4567'],
    ['座机01012345678', '座机010****5678'],
  ])('keeps the area code and the last four digits of a landline: %s', (text, want) => {
    expect(maskContacts(text)).toBe(want);
  });

  it.each([
    ['身份证110101199001011234', '身份证110***********1234'],
    ['身份证号11010119900101123X。', '身份证号110***********123X。'],
    ['11010119900101123x', '110***********123x'],
    ['110101 19900101 1234', '110***********1234'],
    ['老身份证110101900101123', '老身份证110********1123'],
    ['１１０１０１１９９００１０１１２３４', '110***********1234'],
  ])('keeps the first three and last four characters of an ID number: %s', (text, want) => {
    expect(maskContacts(text)).toBe(want);
  });

  it.each([
    '化肥500元一袋，共30袋',
    '2026-11-27 上午 9:30 开会',
    '二〇二六年11月27日',
    '村里有1234567只鸡',
    '编号12345678',
    '银行卡6222021234567890123',
    // Ten or twelve digits after a 0 that no area code and local number make up.
    '订单0311123456',
    '编号010123456789',
    '门牌三组12号，邮编050000',
    '138****5678',
    '110***********1234',
  ])('leaves ordinary numbers alone: %s', (text) => {
    expect(maskContacts(text)).toBe(text);
    expect(hasContacts(text)).toBe(false);
  });

  it('masks every number of a longer post and keeps the words around them', () => {
    const text = '我家孩子走丢了！请看到的人打13812345678或者0311-12345678，孩子身份证110101201001011234。谢谢';
    expect(maskContacts(text)).toBe('我家孩子走丢了！请看到的人打138****5678或者0311-****5678，孩子身份证110***********1234。谢谢');
    expect(hasContacts(text)).toBe(true);
  });

  it('keeps characters beyond U+FFFF (生僻字) and emoji where they were', () => {
    expect(maskContacts('𠮷大爷😀13812345678')).toBe('𠮷大爷😀138****5678');
  });

  describe('for any text', () => {
    const digit = fc.integer({ min: 0, max: 9 }).map(String);
    const words = fc
      .array(fc.constantFrom('村', '里', '元', '年', '月', ' ', '，', 'a', '。', '号'), { maxLength: 6 })
      .map((a) => a.join(''));
    const fullWidth = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    const mobile = fc
      .tuple(fc.constantFrom('3', '4', '5', '6', '7', '8', '9'), fc.array(digit, { minLength: 9, maxLength: 9 }))
      .map(([second, rest]) => `1${second}${rest.join('')}`);

    it('never shows a mobile whole, however it is written', () => {
      fc.assert(
        fc.property(words, mobile, words, fc.constantFrom('', ' ', '-'), fc.boolean(), (before, phone, after, sep, wide) => {
          const written = `${phone.slice(0, 3)}${sep}${phone.slice(3, 7)}${sep}${phone.slice(7)}`;
          const out = maskContacts(`${before}${wide ? fullWidth(written) : written}${after}`);
          expect(out).toContain(`${phone.slice(0, 3)}****${phone.slice(7)}`);
          expect(out.replace(/\D/g, '')).not.toContain(phone);
        }),
      );
    });

    it('never shows an 18-digit ID whole', () => {
      fc.assert(
        fc.property(
          words,
          fc.array(digit, { minLength: 17, maxLength: 17 }),
          fc.constantFrom('0', '7', 'X', 'x'),
          words,
          (before, body, last, after) => {
            const id = body.join('') + last;
            const out = maskContacts(`${before}${id}${after}`);
            expect(out).toContain(`${id.slice(0, 3)}***********${id.slice(14)}`);
            expect(out).not.toContain(id.slice(3, 14));
          },
        ),
      );
    });

    it('changes nothing that has no run of seven or more digits', () => {
      const short = fc.array(digit, { minLength: 1, maxLength: 6 }).map((d) => d.join(''));
      const text = fc
        .array(fc.oneof(words, short, fc.constantFrom('-', '2026-11-27', '500元')), { maxLength: 8 })
        .map((parts) => parts.join('，'));
      fc.assert(fc.property(text, (t) => expect(maskContacts(t)).toBe(t)));
    });

    it('masks masked text to itself', () => {
      fc.assert(
        fc.property(
          fc.array(
            fc.oneof(
              words,
              mobile,
              fc.array(digit, { minLength: 1, maxLength: 20 }).map((d) => d.join('')),
            ),
            { maxLength: 6 },
          ),
          (parts) => {
            const once = maskContacts(parts.join(''));
            expect(maskContacts(once)).toBe(once);
          },
        ),
      );
    });
  });
});
