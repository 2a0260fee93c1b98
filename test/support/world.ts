import { openSqliteStore, type SqliteStore } from '../../cloudfunctions/core/adapters/sqlite-store';
import { inboxNotifier } from '../../cloudfunctions/core/adapters/inbox-notifier';
import { keywordContentCheck } from '../../cloudfunctions/core/adapters/keyword-content-check';
import { localFiles, memoryBlobs } from '../../cloudfunctions/core/adapters/local-files';
import { localQrCodes } from '../../cloudfunctions/core/adapters/local-qr-codes';
import type { FunctionHandler } from '../../cloudfunctions/core/handler/define';
import type { Deps } from '../../cloudfunctions/core/handler/deps';
import type { Clock, IdSource } from '../../cloudfunctions/core/ports/clock';
import type { HouseholdRecord, MemberRecord } from '../../cloudfunctions/core/records';
import type { CloudResponse } from '../../types';

/** A settable clock and counting ids, so tests read like a story with known times and ids. */
export function testClock(start = '2026-11-24T02:00:00.000Z'): Clock & { set(iso: string): void } {
  let now = new Date(start);
  return { now: () => new Date(now), set: (iso) => (now = new Date(iso)) };
}

export function testIds(): IdSource {
  let n = 0;
  let c = 0;
  return {
    id: () => `id${String(++n).padStart(4, '0')}`,
    code: (alphabet, length) => {
      c++;
      return Array.from({ length }, (_, i) => alphabet[(c * 7 + i * 3) % alphabet.length]).join('');
    },
  };
}

const member = (m: Partial<MemberRecord> & Pick<MemberRecord, '_id' | 'role' | 'name'>): MemberRecord => ({
  phone: '100-0000-0000',
  scopeLevel: 'village',
  scopeId: 'v-xinghua',
  villageId: 'v-xinghua',
  townshipId: 't-shiqiao',
  countyId: 'c-qinghe',
  householdId: null,
  unit: null,
  title: null,
  pairedHouseholdIds: [],
  openid: null,
  ...m,
});

/** Two villages of one township; every bound member's openid is `wx-<memberId>`. */
export const people = {
  villagerA: member({ _id: 'm-va', role: 'villager', name: '王秀兰', householdId: 'h-a1' }),
  neighbourA: member({ _id: 'm-va2', role: 'villager', name: '王建国', householdId: 'h-a1' }),
  villagerB: member({ _id: 'm-vb', role: 'villager', name: '李桂芳', householdId: 'h-b1', villageId: 'v-liuxi', scopeId: 'v-liuxi' }),
  cadreA: member({ _id: 'm-ca', role: 'cadre', name: '赵明远', unit: '县农业农村局', title: '第一书记' }),
  cadreB: member({ _id: 'm-cb', role: 'cadre', name: '孙立军', villageId: 'v-liuxi', scopeId: 'v-liuxi', unit: '县教育局' }),
  helperA: member({ _id: 'm-ha', role: 'helper', name: '陈静', unit: '县卫健局', pairedHouseholdIds: ['h-a1'] }),
  office: member({ _id: 'm-of', role: 'office', name: '周海涛', villageId: null, scopeLevel: 'township', scopeId: 't-shiqiao' }),
  unboundA: member({ _id: 'm-ua', role: 'villager', name: '王小虎', householdId: 'h-a1' }),
  otherTownship: member({
    _id: 'm-ot',
    role: 'villager',
    name: '吴大山',
    householdId: 'h-x1',
    villageId: 'v-far',
    scopeId: 'v-far',
    townshipId: 't-far',
  }),
};
export type Person = keyof typeof people;
export const openidOf = (p: Person): string => `wx-${people[p]._id}`;
const unbound: Person[] = ['unboundA', 'otherTownship'];

/** The address the world's QR codes link under. */
export const STAND_IN_URL = 'http://stand-in.test:8787';

export interface World {
  store: SqliteStore;
  clock: ReturnType<typeof testClock>;
  deps: Deps;
  errors: unknown[];
  call(handler: FunctionHandler, who: Person | (string & {}) | null, action: string, input?: unknown): Promise<CloudResponse<any>>;
  /** Fires one of the handler's timers, by default its first. */
  fireTimer(handler: FunctionHandler, trigger?: string): Promise<CloudResponse<any>>;
}

export async function makeWorld(): Promise<World> {
  // Every query a test runs must be served by an index that cloudfunctions/core/indexes.ts declares.
  const store = openSqliteStore(':memory:', { requireIndexes: true });
  const clock = testClock();
  const errors: unknown[] = [];
  const deps: Deps = {
    store,
    clock,
    ids: testIds(),
    notifier: inboxNotifier(store, clock),
    // QR codes as the stand-in draws them, of H5 pages under this address.
    qr: localQrCodes(STAND_IN_URL),
    // The stand-in's keyword list (config/content-keywords.json) in place of WeChat's msgSecCheck.
    content: keywordContentCheck(),
    // The stand-in's file store, in memory: links signed with a per-world secret, expiring on the test clock.
    files: localFiles(memoryBlobs(), () => clock.now()),
    // No warnings unless a test gives its own source.
    warnings: { current: async () => [] },
    log: { error: (_m, d) => errors.push(d), warn: () => undefined, info: () => undefined },
  };
  await store.collection('counties').add({ _id: 'c-qinghe', name: '青禾县' });
  await store.collection('townships').add({ _id: 't-shiqiao', name: '石桥镇', countyId: 'c-qinghe' });
  for (const [id, name, townshipId] of [
    ['v-xinghua', '杏花村', 't-shiqiao'],
    ['v-liuxi', '柳溪村', 't-shiqiao'],
    ['v-far', '远山村', 't-far'],
  ]) {
    await store.collection('villages').add({ _id: id, name, townshipId, countyId: 'c-qinghe' });
  }
  const household = (id: string, villageId: string, address: string, headName: string): HouseholdRecord => ({
    _id: id,
    villageId,
    address,
    headName,
    category: 'lifted',
    livesAway: false,
    size: 3,
    phone: '100-0000-0001',
  });
  await store.collection('households').add(household('h-a1', 'v-xinghua', '三组 12 号', '王建国'));
  await store.collection('households').add(household('h-b1', 'v-liuxi', '一组 3 号', '李桂芳'));
  await store.collection('households').add(household('h-x1', 'v-far', '二组 8 号', '吴大山'));
  for (const [key, m] of Object.entries(people) as [Person, MemberRecord][]) {
    const isBound = !unbound.includes(key);
    await store.collection('members').add({ ...m, openid: isBound ? openidOf(key) : null });
    if (isBound) {
      await store.collection('users').add({ _id: openidOf(key), memberId: m._id, boundAt: '2026-11-01T00:00:00.000Z' });
    }
  }
  const openid = (who: Person | (string & {}) | null) => (who === null ? null : who in people ? openidOf(who as Person) : who);
  return {
    store,
    clock,
    deps,
    errors,
    call: (handler, who, action, input) => handler.invoke({ action, input }, { openid: openid(who), source: 'client' }, deps),
    fireTimer: (handler, trigger) =>
      handler.invoke({}, { openid: null, source: 'timer', trigger: trigger ?? handler.contract.timers?.[0]?.name }, deps),
  };
}

/** Unwraps a successful answer, failing the test with the error code otherwise. */
export function dataOf<T = any>(res: CloudResponse<T>): T {
  if (!res.ok) throw new Error(`expected ok, got ${res.error.code}: ${res.error.message}`);
  return res.data;
}
