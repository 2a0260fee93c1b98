import type { Cursor } from '../../types';
import { openSqliteStore } from './adapters/sqlite-store';
import { findAll, forEachPage, keysetPage } from './paging';
import { MAX_PAGE } from './ports/store';
import type { InboxRecord } from './records';

const message = (i: number): InboxRecord => ({
  _id: `m${String(i).padStart(4, '0')}`,
  dedupeKey: `k${i}`,
  to: i % 2 ? 'odd' : 'even',
  title: `消息 ${i}`,
  body: '',
  link: null,
  // Pairs of messages share an instant, so ties are broken by id.
  createdAt: new Date(Date.UTC(2026, 10, 1) + Math.floor(i / 2) * 60_000).toISOString(),
  readAt: null,
});

async function filled(n: number) {
  const store = openSqliteStore(':memory:', { requireIndexes: true });
  for (let i = 0; i < n; i++) await store.collection('inbox').add(message(i));
  return store.collection('inbox');
}
const newest = { field: 'createdAt', direction: 'desc' } as const;

describe('keysetPage', () => {
  it('walks every item once, newest first, ties by id, with the page size asked for', async () => {
    const inbox = await filled(25);
    const seen: string[] = [];
    let cursor: Cursor | undefined;
    do {
      const page = await keysetPage(inbox, { to: 'odd' }, newest, { cursor, limit: 4 });
      expect(page.items.length).toBeLessThanOrEqual(4);
      seen.push(...page.items.map((m) => m._id));
      cursor = page.nextCursor ? (JSON.parse(page.nextCursor) as Cursor) : undefined;
    } while (cursor);
    const odd = Array.from({ length: 25 }, (_, i) => message(i)).filter((m) => m.to === 'odd');
    expect(seen).toEqual(odd.map((m) => m._id).reverse());
  });

  it('gives 20 a page by default and never more than one store read allows', async () => {
    const inbox = await filled(250);
    expect((await keysetPage(inbox, { to: 'even' }, newest, {})).items).toHaveLength(20);
    expect((await keysetPage(inbox, { to: 'even' }, newest, { limit: 500 })).items).toHaveLength(MAX_PAGE - 1);
  });

  it('refuses a filter on the field it sorts by', async () => {
    const inbox = await filled(1);
    await expect(keysetPage(inbox, { createdAt: 'x' }, newest, {})).rejects.toThrow('must not constrain the sort field');
  });
});

describe('keysetPage with a prefix', () => {
  async function recipients(...tos: string[]) {
    const store = openSqliteStore(':memory:', { requireIndexes: true });
    for (const [i, to] of tos.entries()) await store.collection('inbox').add({ ...message(i), to });
    return store.collection('inbox');
  }
  const byRecipient = { field: 'to', direction: 'asc' } as const;
  const tos = (page: { items: InboxRecord[] }) => page.items.map((m) => m.to);

  it('gives only the values that start with it, and ends where they end', async () => {
    const inbox = await recipients('ab', 'b', 'ba', 'bb', 'bz', 'c', 'ca');
    const first = await keysetPage(inbox, {}, byRecipient, { limit: 2 }, 'b');
    expect(tos(first)).toEqual(['b', 'ba']);
    const rest = await keysetPage(inbox, {}, byRecipient, { limit: 2, cursor: JSON.parse(first.nextCursor!) as Cursor }, 'b');
    expect(tos(rest)).toEqual(['bb', 'bz']);
    expect(rest.nextCursor).toBeNull();
  });

  it("starts at the prefix with another search's cursor from before it, and gives nothing after one beyond it", async () => {
    const inbox = await recipients('a', 'b1', 'b2', 'c');
    expect(tos(await keysetPage(inbox, {}, byRecipient, { cursor: ['a', 'm0000'] }, 'b'))).toEqual(['b1', 'b2']);
    expect(await keysetPage(inbox, {}, byRecipient, { cursor: ['c', 'm0003'] }, 'b')).toEqual({ items: [], nextCursor: null });
  });

  it('needs an ascending order', async () => {
    const inbox = await recipients('a');
    await expect(keysetPage(inbox, {}, { field: 'to', direction: 'desc' }, {}, 'a')).rejects.toThrow('ascending');
  });
});

describe('forEachPage and findAll', () => {
  it('visit every matching document over several pages', async () => {
    const inbox = await filled(230);
    const visited: string[] = [];
    let pages = 0;
    await forEachPage(inbox, { to: 'even' }, newest, (page) => void (pages++, visited.push(...page.map((m) => m._id))), 50);
    expect(visited).toHaveLength(115);
    expect(new Set(visited).size).toBe(115);
    expect(pages).toBe(3);
    expect((await findAll(inbox, { to: 'odd' })).map((m) => m._id)).toEqual(
      Array.from({ length: 230 }, (_, i) => message(i))
        .filter((m) => m.to === 'odd')
        .map((m) => m._id),
    );
  });

  it('findAll refuses a filter on _id, which it pages by', async () => {
    const inbox = await filled(1);
    await expect(findAll(inbox, { _id: 'm0000' })).rejects.toThrow('must not constrain it');
  });
});
