import { inboxNotifier } from '../../cloudfunctions/core/adapters/inbox-notifier';
import { keywordContentCheck } from '../../cloudfunctions/core/adapters/keyword-content-check';
import { localFiles, memoryBlobs } from '../../cloudfunctions/core/adapters/local-files';
import { localQrCodes } from '../../cloudfunctions/core/adapters/local-qr-codes';
import { openSqliteStore } from '../../cloudfunctions/core/adapters/sqlite-store';
import type { Deps } from '../../cloudfunctions/core/handler/deps';
import { findAll } from '../../cloudfunctions/core/paging';
import type { HouseholdRecord, MemberRecord, WishRecord } from '../../cloudfunctions/core/records';
import { wishesHandler as wishes } from '../../cloudfunctions/wishes/handler';
import { wishCategorySchema, type WishScope } from '../../types';
import { seedIfEmpty } from '../../local/seed';
import { demoWishes } from '../../local/seed-data';
import { testClock, testIds } from '../support/world';
import { wishRecord } from '../support/wish-record';

/*
 * The demo county, a published wish for every one of its households (some widened to the
 * township or the county, with photos), and every wall page that every helper, cadre and
 * office can read, in both orders and per category: no phone number, ID-like number,
 * address, full name, household id or member id of any household or villager appears.
 */
const summaries = ['一台收音机', '一个新书包', '两袋复合肥', '一床厚棉被', '一副老花镜', '一双棉鞋'];
const scopes: WishScope[] = ['village', 'village', 'township', 'county'];

let deps: Deps;
let households: HouseholdRecord[];
let villagers: MemberRecord[];
let readers: MemberRecord[];

beforeAll(async () => {
  const store = openSqliteStore(':memory:', { requireIndexes: true });
  const clock = testClock();
  const files = localFiles(memoryBlobs(), () => clock.now());
  deps = {
    store,
    clock,
    ids: testIds(),
    notifier: inboxNotifier(store, clock),
    qr: localQrCodes('http://stand-in.test:8787'),
    content: keywordContentCheck(),
    files,
    warnings: { current: async () => [] },
    log: { error: (m, d) => console.error(m, d), warn: () => undefined, info: () => undefined },
  };
  expect(await seedIfEmpty(store, clock)).toBe(true);
  households = await findAll(store.collection('households'), {});
  const members = await findAll(store.collection('members'), {});
  villagers = members.filter((m) => m.role === 'villager');
  readers = members.filter((m) => m.role !== 'villager');
  const photo = await files.upload(new Uint8Array([1, 2, 3]), 'image/png');
  for (const [i, h] of households.entries()) {
    const village = (await store.collection('villages').get(h.villageId))!;
    const submitter = villagers.find((v) => v.householdId === h._id)!;
    const wish: WishRecord = wishRecord({
      _id: `wall-${i + 1}`,
      villageId: h.villageId,
      townshipId: village.townshipId,
      countyId: village.countyId,
      householdId: h._id,
      submitterId: submitter._id,
      text: `${h.headName}家住${h.address}，电话${h.phone}，想要${summaries[i % summaries.length]}`,
      summary: summaries[i % summaries.length],
      category: wishCategorySchema.options[i % wishCategorySchema.options.length],
      value: 50 + i,
      photos: i % 3 === 0 ? [photo] : [],
      status: 'published',
      scope: scopes[i % scopes.length],
      publishedAt: new Date(Date.parse('2026-11-01T00:00:00.000Z') + i * 3_600_000).toISOString(),
      history: [{ at: '2026-10-30T00:00:00.000Z', by: submitter._id, action: 'submit', from: null, to: 'pending_review', note: null }],
    });
    await store.collection('wishes').add(wish);
  }
  // Every helper, cadre and office reads the wall with their own WeChat.
  for (const m of readers) {
    if (!m.openid) await store.collection('users').add({ _id: `wx-${m._id}`, memberId: m._id, boundAt: '2026-11-01T00:00:00.000Z' });
  }
});

const openidOf = (m: MemberRecord) => m.openid ?? `wx-${m._id}`;

async function everyPage(reader: MemberRecord, input: object): Promise<{ json: string[]; ids: string[] }> {
  const json: string[] = [];
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const res = await wishes.invoke(
      { action: 'wall', input: { ...input, limit: 7, cursor } },
      { openid: openidOf(reader), source: 'client' },
      deps,
    );
    if (!res.ok) throw new Error(`${reader._id}: ${res.error.code}`);
    const page = res.data as { items: { id: string }[]; nextCursor: string | null };
    // A photo link's signature is random hex that can look like any digits; the link itself is
    // opaque (its name is a content hash), so it is checked apart: a stand-in file path, nothing else.
    const links = page.items.flatMap((c) => (c as unknown as { photoUrls: string[] }).photoUrls);
    for (const link of links) expect(link).toMatch(/^\/api\/files\/[0-9a-f]{64}\.(jpg|png|webp)\?exp=\d+&sig=[0-9a-f]+$/);
    json.push(JSON.stringify({ ...page, items: page.items.map((c) => ({ ...c, photoUrls: [] })) }));
    ids.push(...page.items.map((c) => c.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return { json, ids };
}

describe('the wish wall of the demo county', () => {
  it('has a wish of every household on some wall, and every reader sees some', async () => {
    const seen = new Set<string>();
    for (const r of readers) {
      const { ids } = await everyPage(r, {});
      expect(ids.length).toBeGreaterThan(0);
      expect(new Set(ids).size).toBe(ids.length);
      ids.forEach((id) => seen.add(id));
    }
    // The test's wish for every household, and the demo seed's own published ones.
    const published = demoWishes.filter((w) => w.published).length;
    expect(seen.size).toBe(households.length + published);
  });

  it('carries no phone, ID-like number, address, full name, household id or member id of anyone seeded', async () => {
    const secrets = [
      ...households.flatMap((h) => [h._id, h.address, h.headName, h.phone]),
      ...villagers.flatMap((v) => [v._id, v.name, v.phone]),
      ...readers.flatMap((r) => [r._id, r.phone]),
    ];
    let pages = 0;
    for (const r of readers) {
      for (const input of [{}, { sort: 'longest_waiting' }, ...wishCategorySchema.options.map((category) => ({ category }))]) {
        for (const json of (await everyPage(r, input)).json) {
          pages++;
          expect({ reader: r._id, leaked: secrets.filter((s) => json.includes(s)) }).toEqual({ reader: r._id, leaked: [] });
          expect(json).not.toMatch(/\d{3}-?\d{4}-?\d{4}/); // a phone number
          expect(json).not.toMatch(/\d{15}(\d{2}[\dXx])?/); // an ID card number
          expect(json).not.toMatch(/[组号]/); // a house number such as 三组 12 号
        }
      }
    }
    expect(pages).toBeGreaterThan(readers.length * 8);
  });
});
