import type { Collection, CollectionName, RecordOf, Store } from '../../cloudfunctions/core/ports/store';
import { aTask } from '../../cloudfunctions/core/domain/domain.fixtures';
import type { HouseholdRecord, MemberRecord, TaskRecord } from '../../cloudfunctions/core/records';
import { makeWorld, people, type World } from './world';

/**
 * Who the visit and task tests need beyond the shared world (test/support/world.ts, whose members
 * other suites count): a helper of 杏花村 paired with nobody, a villager bound to no household, the
 * county's office, the office of another township (远山镇, which has 远山村) and a cadre there.
 */
export const staff = {
  helperB: { _id: 'm-hb', role: 'helper', name: '林海燕', unit: '县教育局', title: '帮扶责任人' },
  loneVillager: { _id: 'm-vl', role: 'villager', name: '赵小红', householdId: null },
  countyOffice: {
    _id: 'm-oc',
    role: 'office',
    name: '钱主任',
    villageId: null,
    townshipId: null,
    scopeLevel: 'county',
    scopeId: 'c-qinghe',
    title: '县驻村办主任',
  },
  farOffice: {
    _id: 'm-of2',
    role: 'office',
    name: '吴主任',
    villageId: null,
    townshipId: 't-far',
    scopeLevel: 'township',
    scopeId: 't-far',
  },
  farCadre: { _id: 'm-cf', role: 'cadre', name: '郑远航', villageId: 'v-far', townshipId: 't-far', scopeId: 'v-far', title: '第一书记' },
} satisfies Record<string, Partial<MemberRecord> & Pick<MemberRecord, '_id' | 'role' | 'name'>>;
export type Staff = keyof typeof staff;

/** The openid the world's `call` takes for one of these (bound) people. */
export const as = (who: Staff): string => `wx-${staff[who]._id}`;

/** The shared world with these people added and bound, and 远山镇 in the townships. */
export async function makeVisitWorld(): Promise<World> {
  const w = await makeWorld();
  await w.store.collection('townships').add({ _id: 't-far', name: '远山镇', countyId: 'c-qinghe' });
  for (const [key, m] of Object.entries(staff) as [Staff, (typeof staff)[Staff]][]) {
    await w.store.collection('members').add({ ...people.cadreA, title: null, unit: null, ...m, openid: as(key) });
    await w.store.collection('users').add({ _id: as(key), memberId: m._id, boundAt: '2026-11-01T00:00:00.000Z' });
  }
  return w;
}

/** A household of a village of the world, for tests that need more than its three. */
export const aHousehold = (h: Partial<HouseholdRecord> & Pick<HouseholdRecord, '_id'>): HouseholdRecord => ({
  villageId: 'v-xinghua',
  address: '四组 1 号',
  headName: '测试户',
  category: 'lifted',
  livesAway: false,
  size: 2,
  phone: '100-0000-0009',
  ...h,
});

/**
 * The store with every read's size recorded: the port refuses more than 100 documents a read, and this
 * shows a sweep that paged rather than failed, and how many reads it took.
 */
export function countReads(store: Store): { store: Store; reads: number[] } {
  const reads: number[] = [];
  const wrap = <T extends { _id: string }>(inner: Collection<T>): Collection<T> => ({
    add: (doc) => inner.add(doc),
    get: async (id) => (reads.push(1), inner.get(id)),
    find: async (where, options) => {
      const found = await inner.find(where, options);
      reads.push(found.length);
      return found;
    },
    count: (where) => inner.count(where),
    updateIf: (id, condition, patch) => inner.updateIf(id, condition, patch),
    remove: (id) => inner.remove(id),
  });
  return {
    reads,
    store: {
      collection: <N extends CollectionName>(name: N) => wrap<RecordOf<N>>(store.collection(name)),
      transaction: (work) => store.transaction(work),
    },
  };
}

/** A November task of 杏花村's household 王建国 for its cadre team (the world's today is 2026-11-24). */
export const xinghuaTask = (id: string, t: Partial<TaskRecord> = {}): TaskRecord =>
  aTask({
    _id: id,
    assignee: 'village:v-xinghua',
    villageId: 'v-xinghua',
    townshipId: 't-shiqiao',
    countyId: 'c-qinghe',
    householdId: 'h-a1',
    windowStart: '2026-11-01',
    dueDate: '2026-11-30',
    ...t,
  });
