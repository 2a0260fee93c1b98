import ExcelJS from 'exceljs';
import { dataOf, makeWorld, type World } from '../../test/support/world';
import { wishRecord } from '../../test/support/wish-record';
import type { LocalFileStore } from '../core/adapters/local-files';
import type { WishRecord } from '../core/records';
import { wishesHandler as wishes } from './handler';
import { LEDGER_COLUMNS, LEDGER_SHEET } from './ledger';

let w: World;
beforeEach(async () => {
  w = await makeWorld();
});

const HEADERS = [
  '序号',
  '村',
  '户主',
  '类别',
  '心愿内容',
  '估计价值(元)',
  '状态',
  '提交日期',
  '上墙日期',
  '认领人',
  '送达日期',
  '确认日期',
  '来源',
];

const add = (...records: WishRecord[]) => Promise.all(records.map((r) => w.store.collection('wishes').add(r)));
const ledger = (who: Parameters<World['call']>[1], from: string, to: string) => w.call(wishes, who, 'ledger', { from, to });

/** Follows the answer's link as the stand-in would and reads the workbook back: the header row, then one array per wish. */
async function rowsOf(res: Awaited<ReturnType<typeof ledger>>): Promise<{ sheet: ExcelJS.Worksheet; rows: unknown[][] }> {
  const { url } = dataOf(res);
  const link = new URL(url, 'http://stand-in');
  expect(link.pathname).toMatch(/^\/api\/files\/[0-9a-f]{64}\.xlsx$/);
  const file = await (w.deps.files as LocalFileStore).open(
    link.pathname.replace('/api/files/', ''),
    link.searchParams.get('exp'),
    link.searchParams.get('sig'),
  );
  expect(file?.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(file!.bytes) as unknown as ExcelJS.Buffer);
  const sheet = book.getWorksheet(LEDGER_SHEET)!;
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => v ?? '')));
  return { sheet, rows };
}

const contents = (rows: unknown[][]) => rows.slice(1).map((r) => r[4]);

describe('the wish ledger (心愿台账)', () => {
  it("lists a cadre's village wishes with Chinese headers, China dates and set column widths", async () => {
    await add(
      wishRecord({
        _id: 'w1',
        text: '冬天需要一床厚棉被',
        value: 120,
        status: 'confirmed',
        summary: '一床冬被',
        // 2026-11-10 01:30 in China, still 11-09 in UTC.
        createdAt: '2026-11-09T17:30:00.000Z',
        publishedAt: '2026-11-10T16:10:00.000Z',
        claimerId: 'm-ha',
        delivery: { note: '已送到', photos: [], at: '2026-11-13T17:00:00.000Z' },
        history: [{ at: '2026-11-14T16:30:00.000Z', by: 'm-va', action: 'confirm', from: 'fulfilled', to: 'confirmed', note: null }],
      }),
      wishRecord({
        _id: 'w2',
        text: '想要一个新书包',
        category: 'study',
        channel: 'visit',
        submitterId: 'm-ca',
        createdAt: '2026-11-12T02:00:00.000Z',
      }),
    );
    const { sheet, rows } = await rowsOf(await ledger('cadreA', '2026-11-10', '2026-11-30'));
    expect(rows[0]).toEqual(HEADERS);
    expect(rows.slice(1)).toEqual([
      [
        1,
        '杏花村',
        '王建国',
        '生活用品',
        '冬天需要一床厚棉被',
        120,
        '已确认收到',
        '2026-11-10',
        '2026-11-11',
        '陈静',
        '2026-11-14',
        '2026-11-15',
        '村民提交',
      ],
      [2, '杏花村', '王建国', '学习用品', '想要一个新书包', '', '待审核', '2026-11-12', '', '', '', '', '干部代录（入户走访）'],
    ]);
    expect(LEDGER_COLUMNS.map((_, i) => sheet.getColumn(i + 1).width)).toEqual(LEDGER_COLUMNS.map((c) => c.width));
    expect(sheet.getColumn(5).width).toBeGreaterThanOrEqual(40);
  });

  it('never carries a phone number, an ID number or an address', async () => {
    await add(wishRecord({ _id: 'w1' }));
    const { rows } = await rowsOf(await ledger('cadreA', '2026-11-01', '2026-11-30'));
    const text = JSON.stringify(rows);
    expect(text).not.toMatch(/100-0000|三组 12 号/);
  });

  it('gives a cadre their own village only, and an office its whole township but no other', async () => {
    await add(
      wishRecord({ _id: 'wa', text: '杏花村的心愿', summary: '杏花村摘要' }),
      wishRecord({
        _id: 'wb',
        text: '柳溪村的心愿',
        summary: null,
        villageId: 'v-liuxi',
        householdId: 'h-b1',
        createdAt: '2026-11-24T03:00:00.000Z',
      }),
      wishRecord({ _id: 'wx', text: '远山村的心愿', villageId: 'v-far', townshipId: 't-far', householdId: 'h-x1' }),
    );
    expect(contents((await rowsOf(await ledger('cadreA', '2026-11-01', '2026-11-30'))).rows)).toEqual(['杏花村的心愿']);
    expect(contents((await rowsOf(await ledger('cadreB', '2026-11-01', '2026-11-30'))).rows)).toEqual(['柳溪村的心愿']);
    const office = (await rowsOf(await ledger('office', '2026-11-01', '2026-11-30'))).rows;
    expect(office.slice(1).map((r) => [r[1], r[2]])).toEqual([
      ['杏花村', '王建国'],
      ['柳溪村', '李桂芳'],
    ]);
    // The villager's own words stay with the village's cadres; the office reads what was published.
    expect(contents(office)).toEqual(['杏花村摘要', '（未上墙，内容仅本村干部可见）']);
  });

  it("takes the range in China dates: from the first midnight to the last day's end, both inclusive", async () => {
    await add(
      wishRecord({ _id: 'before', text: 'before', createdAt: '2026-11-09T15:59:59.999Z' }),
      wishRecord({ _id: 'first', text: 'first', createdAt: '2026-11-09T16:00:00.000Z' }),
      wishRecord({ _id: 'last', text: 'last', createdAt: '2026-11-20T15:59:59.999Z' }),
      wishRecord({ _id: 'after', text: 'after', createdAt: '2026-11-20T16:00:00.000Z' }),
    );
    const { rows } = await rowsOf(await ledger('cadreA', '2026-11-10', '2026-11-20'));
    expect(contents(rows)).toEqual(['first', 'last']);
    expect(rows.slice(1).map((r) => r[7])).toEqual(['2026-11-10', '2026-11-20']);
    expect(contents((await rowsOf(await ledger('cadreA', '2026-11-21', '2026-11-21'))).rows)).toEqual(['after']);
    expect((await rowsOf(await ledger('cadreA', '2026-12-01', '2026-12-31'))).rows).toEqual([HEADERS]);
  });

  it('reads every wish of the range however many pages it takes, oldest first', async () => {
    const many = Array.from({ length: 230 }, (_, i) =>
      wishRecord({
        _id: `w${String(i).padStart(3, '0')}`,
        text: `t${i}`,
        createdAt: new Date(Date.parse('2026-03-01T00:00:00Z') + i * 3_600_000).toISOString(),
      }),
    );
    await add(...many);
    const { rows } = await rowsOf(await ledger('cadreA', '2026-03-01', '2026-03-10'));
    // 2026-03-10 ends at 16:00 UTC that day: the 16 × 24 − 8 hours after 03-01 00:00 UTC.
    const expected = many.filter((m) => m.createdAt < '2026-03-10T16:00:00.000Z').map((m) => m.text);
    expect(contents(rows)).toEqual(expected);
    expect(rows.slice(1).map((r) => r[0])).toEqual(expected.map((_, i) => i + 1));
  });

  it('refuses a backwards range, one over 366 days and dates that do not exist, in Chinese, saving nothing', async () => {
    const cases: [string, string, string][] = [
      ['2026-11-30', '2026-11-01', '开始日期不能晚于结束日期'],
      ['2025-01-01', '2026-01-02', '台账一次最多导出 366 天，请缩短日期范围'],
      ['2026-02-30', '2026-03-01', '没有这一天，请重新选择日期'],
      ['2026-11-1', '2026-11-30', '日期格式应为 YYYY-MM-DD'],
    ];
    const save = jest.spyOn(w.deps.files, 'save');
    for (const [from, to, message] of cases) {
      const res = await ledger('cadreA', from, to);
      expect({ from, to, res }).toEqual({ from, to, res: { ok: false, error: { code: 'COMMON.INVALID_INPUT', message } } });
    }
    expect(save).not.toHaveBeenCalled();
    // A whole leap year is 366 days and allowed.
    expect((await ledger('cadreA', '2028-01-01', '2028-12-31')).ok).toBe(true);
  });

  it('is for cadres and offices only', async () => {
    for (const who of ['villagerA', 'helperA'] as const) {
      expect(await ledger(who, '2026-11-01', '2026-11-30')).toMatchObject({ ok: false, error: { code: 'COMMON.FORBIDDEN' } });
    }
  });
});
