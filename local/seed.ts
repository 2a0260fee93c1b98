import { issueInvite } from '../cloudfunctions/core/domain/invite';
import { submitWish } from '../cloudfunctions/core/domain/wish';
import type { Clock, IdSource } from '../cloudfunctions/core/ports/clock';
import type { Store } from '../cloudfunctions/core/ports/store';
import { findAll } from '../cloudfunctions/core/paging';
import { saveNewInvite } from '../cloudfunctions/core/invites';
import { addDays } from '../cloudfunctions/core/domain/time';
import { importRoster } from '../cloudfunctions/core/roster-import';
import { demoSeed, demoWishes } from './seed-data';

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
    await store.collection('wishes').add(wish);
  }
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
