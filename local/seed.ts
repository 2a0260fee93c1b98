import { issueInvite } from '../cloudfunctions/core/domain/invite';
import { submitWish, wishState } from '../cloudfunctions/core/domain/wish';
import { applyWishAction, type WishAction } from '../cloudfunctions/core/domain/wish-machine';
import type { MemberRecord, WishRecord } from '../cloudfunctions/core/records';
import type { Clock, IdSource } from '../cloudfunctions/core/ports/clock';
import type { Store } from '../cloudfunctions/core/ports/store';
import { findAll } from '../cloudfunctions/core/paging';
import { saveNewInvite } from '../cloudfunctions/core/invites';
import { addDays } from '../cloudfunctions/core/domain/time';
import { importRoster } from '../cloudfunctions/core/roster-import';
import { demoSeed, demoWishes } from './seed-data';
import { seedNotices } from './seed-notices';
import { seedVisitWork } from './seed-visits';
import { seedBoard } from './seed-board';
import { seedConsults } from './seed-consults';

/** A demo wish as the village's first cadre published it, through the same rules the function uses. */
function publishDemo(
  wish: WishRecord,
  published: { daysAgo: number; summary: string; scope?: 'township' },
  members: MemberRecord[],
  now: Date,
): WishRecord {
  const cadre = members.find((m) => m.role === 'cadre' && m.villageId === wish.villageId);
  if (!cadre) throw new Error(`no cadre in ${wish.villageId} to publish a demo wish`);
  const actor = { kind: 'member', member: cadre } as const;
  const at = addDays(now, -published.daysAgo);
  let record = wish;
  const step = (action: WishAction) => {
    const { next, event } = applyWishAction(wishState(record), action, actor, at);
    record = { ...record, status: next.status, scope: next.scope, history: [...record.history, event], updatedAt: at.toISOString() };
  };
  step({ kind: 'publish', summary: published.summary, category: wish.category });
  record = { ...record, summary: published.summary, publishedAt: at.toISOString() };
  if (published.scope) step({ kind: 'widen', scope: published.scope });
  return record;
}

/** Seeds the demo county into an empty store; returns false and changes nothing when the store already has a roster. */
export async function seedIfEmpty(store: Store, clock: Clock): Promise<boolean> {
  if ((await store.collection('members').count({})) > 0) return false;
  const now = clock.now();
  const seed = demoSeed();
  const { households, members, bindings } = seed;
  await importRoster(store, seed);
  for (const [openid, memberId] of Object.entries(bindings)) {
    await store.collection('users').add({ _id: openid, memberId, boundAt: now.toISOString() });
  }
  for (const [i, w] of demoWishes.entries()) {
    const household = households.filter((h) => h.villageId === w.village)[w.householdIndex];
    const submitter = members.find((m) => m.householdId === household._id && m.openid === null);
    if (!submitter) throw new Error(`demo wish ${i} has no unbound villager in ${household._id}`);
    const wish = submitWish({
      id: `w-demo-${i + 1}`,
      submitter,
      category: w.category,
      text: w.text,
      openWishes: 0,
      now: addDays(now, -w.daysAgo),
    });
    const valued = { ...wish, value: w.value ?? null };
    await store.collection('wishes').add(w.published ? publishDemo(valued, w.published, members, now) : valued);
  }
  const openids = new Map(Object.entries(bindings).map(([openid, memberId]) => [memberId, openid]));
  await seedVisitWork(store, now, (memberId) => openids.get(memberId) ?? '');
  const boardVillager = members.find((m) => m.role === 'villager' && m.villageId === 'v-xinghua' && openids.has(m._id));
  if (boardVillager) await seedBoard(store, now, (memberId) => openids.get(memberId) ?? '', boardVillager._id);
  if (boardVillager) await seedConsults(store, now, (memberId) => openids.get(memberId) ?? '', boardVillager._id);
  await seedNotices(store, now, (memberId) => openids.get(memberId) ?? '');
  return true;
}

/**
 * An unused, unexpired invite for the "new WeChat user" demo: the one already
 * waiting, or a fresh one from the first cadre for an unbound villager.
 */
export async function ensureDemoInvite(store: Store, clock: Clock, ids: IdSource): Promise<{ code: string; memberName: string } | null> {
  const now = clock.now();
  const members = store.collection('members');
  const waiting = await store
    .collection('invites')
    .find({ issuedBy: 'm-cadre-1', usedAt: null, expiresAt: { $gt: now.toISOString() } }, { limit: 1 });
  if (waiting[0]) {
    const member = await members.get(waiting[0].memberId);
    if (member && member.openid === null) return { code: waiting[0]._id, memberName: member.name };
  }
  const cadre = await members.get('m-cadre-1');
  const unbound = await findAll(members, { role: 'villager', villageId: 'v-xinghua', openid: null });
  if (!cadre || unbound.length === 0) return null;
  const target = unbound[unbound.length - 1];
  const invite = await saveNewInvite(store, ids, (code) => issueInvite({ code, issuer: cadre, target, now }));
  return { code: invite._id, memberName: target.name };
}
