import { wishCategoryLabels, wishChannelLabels, wishStatusLabels, type Cursor, type wishesContract } from '../../types';
import { CHINA_OFFSET_MS, chinaDate } from '../core/domain/time';
import type { ActionsOf } from '../core/handler/define';
import type { Deps } from '../core/handler/deps';
import { keysetPage } from '../core/paging';
import { getMany, MAX_PAGE, type Where } from '../core/ports/store';
import type { MemberRecord, WishRecord } from '../core/records';

export const LEDGER_SHEET = '心愿台账';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The columns, in order, with widths in characters (a CJK character takes about two). An internal
 * record for cadres and offices: the household head's full name, never a phone or ID number.
 */
export const LEDGER_COLUMNS = [
  { header: '序号', width: 6 },
  { header: '村', width: 12 },
  { header: '户主', width: 10 },
  { header: '类别', width: 10 },
  { header: '心愿内容', width: 48 },
  { header: '估计价值(元)', width: 13 },
  { header: '状态', width: 11 },
  { header: '提交日期', width: 12 },
  { header: '上墙日期', width: 12 },
  { header: '认领人', width: 10 },
  { header: '送达日期', width: 12 },
  { header: '确认日期', width: 12 },
  { header: '来源', width: 18 },
] as const;

/**
 * Whose wishes a caller's ledger holds: a cadre's own village, an office's township or county
 * (each on its own index: CloudBase has no OR across fields). Null for a caller placed nowhere.
 */
function areaOf(caller: MemberRecord): Where<WishRecord> | null {
  if (caller.role === 'cadre' || caller.scopeLevel === 'village') return caller.villageId ? { villageId: caller.villageId } : null;
  if (caller.scopeLevel === 'township') return caller.townshipId ? { townshipId: caller.townshipId } : null;
  return { countyId: caller.countyId };
}

/** The instant a China date begins, as the ISO text wishes store. */
const chinaDayStart = (date: string): string => new Date(Date.parse(`${date}T00:00:00Z`) - CHINA_OFFSET_MS).toISOString();
const dayAfter = (date: string): string => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const dateOf = (at: string | null | undefined): string => (at ? chinaDate(new Date(at)) : '');

/** The wishes of `area` created from the start of `from` to the end of `to` (China dates), oldest first. */
async function wishesCreated(deps: Deps, area: Where<WishRecord>, from: string, to: string): Promise<WishRecord[]> {
  const end = chinaDayStart(dayAfter(to));
  const coll = deps.store.collection('wishes');
  const found: WishRecord[] = [];
  // "After (start, '')" is every wish created at or after `start`: no id sorts before ''.
  for (let cursor: Cursor = [chinaDayStart(from), '']; ;) {
    const page = await keysetPage(coll, area, { field: 'createdAt', direction: 'asc' }, { cursor, limit: MAX_PAGE - 1 });
    for (const w of page.items) {
      if (w.createdAt >= end) return found;
      found.push(w);
    }
    if (!page.nextCursor) return found;
    cursor = JSON.parse(page.nextCursor) as Cursor;
  }
}

/**
 * What the ledger says a wish asked for. The villager's own words are for the village's cadres
 * only (records.ts); an office reads the summary the cadre published, as on the wall.
 */
const contentFor = (caller: MemberRecord, w: WishRecord): string =>
  caller.role === 'cadre' ? w.text : (w.summary ?? '（未上墙，内容仅本村干部可见）');

const sourceOf = (w: WishRecord): string => (w.channel === null ? '村民提交' : `干部代录（${wishChannelLabels[w.channel]}）`);

const confirmedAt = (w: WishRecord): string | null => [...w.history].reverse().find((h) => h.to === 'confirmed')?.at ?? null;

/** The workbook: one sheet, a bold frozen header row, one row per wish, dates as China dates. */
export async function ledgerWorkbook(caller: MemberRecord, wishes: WishRecord[], names: Names): Promise<Uint8Array> {
  // Loaded on the first ledger only: exceljs is most of the bundle, and every other action's cold start would pay for it.
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = '暖心驻村';
  const sheet = book.addWorksheet(LEDGER_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = LEDGER_COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  wishes.forEach((w, i) => {
    sheet.addRow([
      i + 1,
      names.village.get(w.villageId) ?? '',
      names.head.get(w.householdId) ?? '',
      wishCategoryLabels[w.category],
      contentFor(caller, w),
      w.value ?? '',
      wishStatusLabels[w.status],
      dateOf(w.createdAt),
      dateOf(w.publishedAt),
      w.claimerId ? (names.member.get(w.claimerId) ?? '') : '',
      dateOf(w.delivery?.at),
      dateOf(confirmedAt(w)),
      sourceOf(w),
    ]);
  });
  sheet.getColumn(5).alignment = { wrapText: true, vertical: 'top' };
  return new Uint8Array(await book.xlsx.writeBuffer());
}

interface Names {
  village: Map<string, string>;
  head: Map<string, string>;
  member: Map<string, string>;
}

async function namesFor(deps: Deps, wishes: WishRecord[]): Promise<Names> {
  const names = <T extends { _id: string }>(m: Map<string, T>, name: (t: T) => string) => new Map([...m].map(([id, t]) => [id, name(t)]));
  const [villages, households, members] = await Promise.all([
    getMany(
      deps.store.collection('villages'),
      wishes.map((w) => w.villageId),
    ),
    getMany(
      deps.store.collection('households'),
      wishes.map((w) => w.householdId),
    ),
    getMany(
      deps.store.collection('members'),
      wishes.flatMap((w) => (w.claimerId ? [w.claimerId] : [])),
    ),
  ]);
  return {
    village: names(villages, (v) => v.name),
    head: names(households, (h) => h.headName),
    member: names(members, (m) => m.name),
  };
}

/** 心愿台账: the wishes created in a range of China dates in the caller's area, as an .xlsx behind a short-lived link. */
export const ledgerActions = {
  async ledger({ from, to }, { deps, caller, now }) {
    const area = areaOf(caller);
    const wishes = area ? await wishesCreated(deps, area, from, to) : [];
    const bytes = await ledgerWorkbook(caller, wishes, await namesFor(deps, wishes));
    // Unguessable and per export: the file is the caller's, not a link anyone could reconstruct.
    const path = `ledgers/${chinaDate(now)}/${from}_${to}_${deps.ids.id()}.xlsx`;
    const fileId = await deps.files.save(path, bytes, XLSX);
    const [url] = await deps.files.temporaryUrls([fileId]);
    if (!url) throw new Error(`ledger: no link for the file just saved (${fileId})`);
    return { url };
  },
} satisfies Partial<ActionsOf<typeof wishesContract>>;
