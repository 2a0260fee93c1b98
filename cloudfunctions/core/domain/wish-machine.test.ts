import fc from 'fast-check';
import { wishStatusSchema, type WishStatus } from '../../../types';
import { isDomainError } from './errors';
import {
  applyWishAction,
  isOpen,
  type WishAction,
  type WishActionKind,
  type WishActor,
  type WishActorMember,
  type WishState,
} from './wish-machine';

const now = new Date('2026-11-27T02:00:00.000Z');
const past = '2026-11-20T02:00:00.000Z';
const future = '2026-12-11T02:00:00.000Z';

const place = { villageId: 'v1', townshipId: 't1', countyId: 'c1' };
const member = (id: string, role: WishActorMember['role'], over: Partial<WishActorMember> = {}): WishActor => ({
  kind: 'member',
  member: { _id: id, role, householdId: null, ...place, ...over },
});
/** Everyone who might try something on a wish of household h1 in village v1. */
const actors = {
  household: member('m-villager', 'villager', { householdId: 'h1' }),
  neighbour: member('m-neighbour', 'villager', { householdId: 'h2' }),
  villageCadre: member('m-cadre', 'cadre'),
  otherVillageCadre: member('m-cadre-2', 'cadre', { villageId: 'v2' }),
  claimer: member('m-helper', 'helper'),
  villageHelper: member('m-helper-2', 'helper'),
  otherVillageHelper: member('m-helper-3', 'helper', { villageId: 'v2' }),
  otherTownshipHelper: member('m-helper-4', 'helper', { villageId: 'v9', townshipId: 't9' }),
  office: member('m-office', 'office', { villageId: null }),
  system: { kind: 'system' } as WishActor,
};
type ActorName = keyof typeof actors;

/** A wish in `status`, as the machine would have left it (claimed ones by `claimer`, overdue). */
function wishIn(status: WishStatus): WishState {
  const claimed = status === 'claimed' || status === 'fulfilled' || status === 'confirmed';
  return {
    status,
    scope: 'village',
    ...place,
    householdId: 'h1',
    claimerId: claimed ? 'm-helper' : null,
    claimDueAt: status === 'claimed' ? past : null,
    thankedAt: null,
  };
}

const actions: Record<WishActionKind, WishAction> = {
  publish: { kind: 'publish', summary: '一床棉被', category: 'daily' },
  reject: { kind: 'reject', reason: '不属于微心愿' },
  withdraw: { kind: 'withdraw' },
  claim: { kind: 'claim', dueAt: future },
  release: { kind: 'release', reason: '临时出差' },
  expire: { kind: 'expire' },
  fulfil: { kind: 'fulfil', note: '已送到家' },
  confirm: { kind: 'confirm' },
  thank: { kind: 'thank', text: '谢谢您' },
  widen: { kind: 'widen', scope: 'township' },
};

/** Every legal move: from which status, by whom, to which status. Everything else must be refused. */
const legal: Record<WishActionKind, { from: WishStatus[]; by: ActorName[]; to: (from: WishStatus) => WishStatus }> = {
  publish: { from: ['pending_review'], by: ['villageCadre'], to: () => 'published' },
  reject: { from: ['pending_review'], by: ['villageCadre'], to: () => 'rejected' },
  withdraw: { from: ['pending_review', 'published'], by: ['household', 'villageCadre'], to: () => 'withdrawn' },
  claim: { from: ['published'], by: ['villageCadre', 'claimer', 'villageHelper'], to: () => 'claimed' },
  release: { from: ['claimed'], by: ['claimer'], to: () => 'published' },
  expire: { from: ['claimed'], by: ['system'], to: () => 'published' },
  fulfil: { from: ['claimed'], by: ['claimer'], to: () => 'fulfilled' },
  confirm: { from: ['fulfilled'], by: ['household', 'villageCadre'], to: () => 'confirmed' },
  thank: { from: ['confirmed'], by: ['household'], to: () => 'confirmed' },
  widen: { from: ['published'], by: ['villageCadre'], to: () => 'published' },
};

describe('every status × every action × every actor', () => {
  const cases = wishStatusSchema.options.flatMap((status) =>
    (Object.keys(actions) as WishActionKind[]).flatMap((kind) =>
      (Object.keys(actors) as ActorName[]).map((who) => [status, kind, who] as const),
    ),
  );
  it.each(cases)('%s wish, %s by %s', (status, kind, who) => {
    const before = wishIn(status);
    const frozen = JSON.stringify(before);
    const rule = legal[kind];
    const allowed = rule.from.includes(status) && rule.by.includes(who);
    if (allowed) {
      const { next, event } = applyWishAction(before, actions[kind], actors[who], now);
      expect(next.status).toBe(rule.to(status));
      expect(event).toMatchObject({ action: kind, from: status, to: next.status, at: now.toISOString() });
    } else {
      let thrown: unknown;
      try {
        applyWishAction(before, actions[kind], actors[who], now);
      } catch (e) {
        thrown = e;
      }
      expect(isDomainError(thrown)).toBe(true);
      expect(['WISH.BAD_TRANSITION', 'WISH.ALREADY_CLAIMED', 'WISH.ALREADY_THANKED', 'COMMON.FORBIDDEN']).toContain(
        (thrown as { code: string }).code,
      );
    }
    expect(JSON.stringify(before)).toBe(frozen);
  });
});

const codeOf = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    return isDomainError(e) ? e.code : 'not a domain error';
  }
  return undefined;
};

describe('the rules people meet', () => {
  it('tells a claimer who came second that the wish is already claimed', () => {
    for (const status of ['claimed', 'fulfilled', 'confirmed'] as const) {
      expect(codeOf(() => applyWishAction(wishIn(status), actions.claim, actors.villageHelper, now))).toBe('WISH.ALREADY_CLAIMED');
    }
    expect(codeOf(() => applyWishAction(wishIn('withdrawn'), actions.claim, actors.villageHelper, now))).toBe('WISH.BAD_TRANSITION');
  });

  it('records the claimer and the due date, and forgets both on release', () => {
    const { next } = applyWishAction(wishIn('published'), actions.claim, actors.villageHelper, now);
    expect(next).toMatchObject({ claimerId: 'm-helper-2', claimDueAt: future });
    const released = applyWishAction(next, actions.release, actors.villageHelper, now);
    expect(released.next).toMatchObject({ status: 'published', claimerId: null, claimDueAt: null });
    expect(released.event.note).toBe('临时出差');
  });

  it('lets the timer release only a claim that is due', () => {
    const notDue = { ...wishIn('claimed'), claimDueAt: future };
    expect(codeOf(() => applyWishAction(notDue, actions.expire, actors.system, now))).toBe('WISH.BAD_TRANSITION');
    expect(applyWishAction({ ...notDue, claimDueAt: now.toISOString() }, actions.expire, actors.system, now).event.by).toBe('system');
  });

  it('never lets a cadre confirm a delivery they made themselves', () => {
    const own = { ...wishIn('fulfilled'), claimerId: 'm-cadre' };
    expect(codeOf(() => applyWishAction(own, actions.confirm, actors.villageCadre, now))).toBe('COMMON.FORBIDDEN');
    expect(applyWishAction(own, actions.confirm, actors.household, now).next.status).toBe('confirmed');
  });

  it('takes one thank-you', () => {
    const { next } = applyWishAction(wishIn('confirmed'), actions.thank, actors.household, now);
    expect(next.thankedAt).toBe(now.toISOString());
    expect(codeOf(() => applyWishAction(next, actions.thank, actors.household, now))).toBe('WISH.ALREADY_THANKED');
  });

  it('widens a wish only outward, and a widened wish reaches helpers of that area', () => {
    const township = applyWishAction(wishIn('published'), actions.widen, actors.villageCadre, now).next;
    expect(township.scope).toBe('township');
    expect(codeOf(() => applyWishAction(township, actions.widen, actors.villageCadre, now))).toBe('WISH.BAD_TRANSITION');
    expect(applyWishAction(township, actions.claim, actors.otherVillageHelper, now).next.claimerId).toBe('m-helper-3');
    expect(codeOf(() => applyWishAction(township, actions.claim, actors.otherTownshipHelper, now))).toBe('COMMON.FORBIDDEN');
    const county = applyWishAction(township, { kind: 'widen', scope: 'county' }, actors.villageCadre, now).next;
    expect(applyWishAction(county, actions.claim, actors.otherTownshipHelper, now).next.status).toBe('claimed');
    expect(codeOf(() => applyWishAction(wishIn('published'), actions.claim, actors.office, now))).toBe('COMMON.FORBIDDEN');
  });
});

describe('any sequence of actions by anyone', () => {
  const actionArb = fc.constantFrom<WishAction>(...Object.values(actions), { kind: 'widen', scope: 'county' });
  const actorArb = fc.constantFrom(...(Object.keys(actors) as ActorName[]));
  const minutesArb = fc.integer({ min: 0, max: 60 * 24 * 30 });

  it('only ever reaches a consistent state', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(actionArb, actorArb, minutesArb), { maxLength: 40 }), (steps) => {
        let w = wishIn('pending_review');
        let t = now.getTime();
        for (const [action, who, minutes] of steps) {
          t += minutes * 60_000;
          const before = w;
          try {
            const { next, event } = applyWishAction(w, action, actors[who], new Date(t));
            expect(event.from).toBe(before.status);
            expect(event.to).toBe(next.status);
            w = next;
          } catch (e) {
            if (!isDomainError(e)) throw e;
            continue;
          }
          const holdsClaim = w.status === 'claimed' || w.status === 'fulfilled' || w.status === 'confirmed';
          expect(w.claimerId !== null).toBe(holdsClaim);
          expect(w.claimDueAt !== null).toBe(w.status === 'claimed');
          if (w.thankedAt !== null) expect(w.status).toBe('confirmed');
          // Closed wishes stay closed; a widened wish never narrows.
          if (!isOpen(before.status)) expect(w.status).toBe(before.status);
          if (before.scope !== 'village') expect(w.scope).not.toBe('village');
          if (before.scope === 'county') expect(w.scope).toBe('county');
        }
      }),
      { numRuns: 500 },
    );
  });
});
