import { consultStatusSchema } from '../../../types/consults';
import {
  applyConsultAction,
  consultCan,
  isEligibleAssignee,
  maySeeConsult,
  speaksForHousehold,
  type ConsultAction,
  type ConsultMember,
  type ConsultState,
} from './consult';
import {
  later,
  villager,
  neighbour,
  cadre,
  cadre2,
  otherCadre,
  helper,
  township,
  otherTownship,
  county,
  otherCounty,
  as,
  aConsult,
  inStatus,
  codeOf,
} from './consult.fixtures';

describe('who sees a request', () => {
  it('shows it to its household, its village’s cadres and the offices over it, never to a helper', () => {
    const s = aConsult();
    const seen = [villager, neighbour, cadre, otherCadre, helper, township, otherTownship, county, otherCounty].filter((m) =>
      maySeeConsult(m, s),
    );
    expect(seen.map((m) => m._id)).toEqual([villager._id, cadre._id, township._id, county._id]);
  });
});

describe('the household', () => {
  it('is its villagers only, whatever household a cadre or helper is filed under', () => {
    const s = inStatus('resolved');
    for (const m of [
      { ...otherCadre, householdId: 'h1' },
      { ...helper, householdId: 'h1' },
    ]) {
      expect(maySeeConsult(m, s)).toBe(false);
      expect(consultCan(m, s)).toEqual({ accept: false, assign: false, reply: false, resolve: false, confirm: false });
      expect(speaksForHousehold(m, s)).toBe(false);
    }
  });
});

/** For every action, the statuses it is allowed in and someone who may take it there. */
describe('every role', () => {
  const everyone = { villager, neighbour, cadre, cadre2, otherCadre, helper, township, otherTownship, county };
  const who = (f: (m: ConsultMember) => boolean) =>
    Object.entries(everyone)
      .filter(([, m]) => f(m))
      .map(([k]) => k);
  const may = (s: ConsultState, action: ConsultAction) => who((m) => codeOf(() => applyConsultAction(s, action, as(m), later(1))) === null);

  it('accept: any cadre of the village while it is the team’s; only the one it was handed to after', () => {
    expect(may(aConsult(), { kind: 'accept' })).toEqual(['cadre', 'cadre2']);
    expect(may(aConsult({ assigneeId: cadre2._id, assigneeRole: 'cadre' }), { kind: 'accept' })).toEqual(['cadre2']);
    expect(may(aConsult({ assigneeId: township._id, assigneeRole: 'office' }), { kind: 'accept' })).toEqual(['township']);
  });

  it('assign: a cadre of the village, or the office it was handed to', () => {
    expect(may(aConsult(), { kind: 'assign', to: county, note: null }).length).toBe(0);
    const handed = aConsult({ assigneeId: township._id, assigneeRole: 'office' });
    expect(may(handed, { kind: 'assign', to: cadre2, note: null })).toEqual(['cadre', 'township']);
  });

  it('assign: also the offices over it once it was escalated, to anyone but themselves', () => {
    const escalated = aConsult({ escalatedAt: later(0).toISOString() });
    expect(may(escalated, { kind: 'assign', to: cadre2, note: null })).toEqual(['cadre', 'township', 'county']);
    expect(may(escalated, { kind: 'assign', to: township, note: null })).toEqual(['cadre', 'cadre2', 'county']);
    expect(may(aConsult(), { kind: 'assign', to: cadre2, note: null })).toEqual(['cadre']);
  });

  it('reply: the household and, once accepted, the assignee and the village’s cadres', () => {
    expect(may(aConsult(), { kind: 'reply' })).toEqual(['villager']);
    expect(may(inStatus('in_progress'), { kind: 'reply' })).toEqual(['villager', 'cadre', 'cadre2']);
    expect(may(inStatus('in_progress', { assigneeId: township._id, assigneeRole: 'office' }), { kind: 'reply' })).toEqual([
      'villager',
      'cadre',
      'cadre2',
      'township',
    ]);
    // The cadre who entered it speaks for the household before anyone takes it on.
    expect(may(aConsult({ enteredBy: cadre2._id }), { kind: 'reply' })).toEqual(['villager', 'cadre2']);
  });

  it('resolve: the assignee or any cadre of the village', () => {
    expect(may(inStatus('in_progress'), { kind: 'resolve', note: '办好了' })).toEqual(['cadre', 'cadre2']);
    expect(may(inStatus('accepted', { assigneeId: township._id, assigneeRole: 'office' }), { kind: 'resolve', note: '办好了' })).toEqual([
      'cadre',
      'cadre2',
      'township',
    ]);
  });

  it('confirm: the household’s villagers, or the cadre who entered it on their behalf', () => {
    const yes = { kind: 'confirm', solved: true, reason: null } as const;
    expect(may(inStatus('resolved'), yes)).toEqual(['villager']);
    expect(may(inStatus('resolved', { enteredBy: cadre2._id }), yes)).toEqual(['villager', 'cadre2']);
  });

  it('the can flags say exactly what the rules allow', () => {
    const states = consultStatusSchema.options.flatMap((status) => [
      inStatus(status),
      inStatus(status, { enteredBy: cadre2._id }),
      inStatus(status, { assigneeId: township._id, assigneeRole: 'office' }),
    ]);
    const actions: ConsultAction[] = [
      { kind: 'accept' },
      { kind: 'reply' },
      { kind: 'resolve', note: '办好了' },
      { kind: 'confirm', solved: true, reason: null },
    ];
    for (const s of states) {
      for (const m of Object.values(everyone)) {
        const can = consultCan(m, s);
        for (const a of actions) {
          const allowed = codeOf(() => applyConsultAction(s, a, as(m), later(1))) === null;
          expect([a.kind, s.status, m._id, can[a.kind as keyof typeof can]]).toEqual([a.kind, s.status, m._id, allowed]);
        }
        const assignable = codeOf(() => applyConsultAction(s, { kind: 'assign', to: county, note: null }, as(m), later(1)));
        expect(can.assign).toBe(assignable === 'CONSULT.BAD_ASSIGNEE');
      }
    }
  });

  it('speaks for the household: its villagers, and the cadre who entered it unless they now handle it', () => {
    expect(speaksForHousehold(villager, aConsult())).toBe(true);
    expect(speaksForHousehold(neighbour, aConsult())).toBe(false);
    expect(speaksForHousehold(cadre, aConsult({ enteredBy: cadre._id }))).toBe(true);
    expect(speaksForHousehold(cadre, aConsult({ enteredBy: cadre._id, assigneeId: cadre._id }))).toBe(false);
  });
});

describe('whom a request may be handed to', () => {
  const s = aConsult({ assigneeId: cadre._id, assigneeRole: 'cadre', status: 'accepted' });
  it('another cadre of the village, or an office user of the township', () => {
    expect(isEligibleAssignee(cadre2, s, true)).toBe(true);
    expect(isEligibleAssignee(township, s, true)).toBe(true);
    expect(isEligibleAssignee(cadre, s, true)).toBe(false);
    for (const m of [otherCadre, helper, villager, otherTownship, county]) expect(isEligibleAssignee(m, s, true)).toBe(false);
  });

  it('the county office only where the township has none', () => {
    expect(isEligibleAssignee(county, s, false)).toBe(true);
    expect(isEligibleAssignee(otherCounty, s, false)).toBe(false);
  });

  it('refuses anyone else with CONSULT.BAD_ASSIGNEE, and oneself', () => {
    for (const to of [cadre, otherCadre, helper, villager, otherTownship, county]) {
      expect(codeOf(() => applyConsultAction(s, { kind: 'assign', to, note: null }, as(cadre), later(1)))).toBe('CONSULT.BAD_ASSIGNEE');
    }
    expect(codeOf(() => applyConsultAction(aConsult(), { kind: 'assign', to: cadre, note: null }, as(cadre), later(1)))).toBe(
      'CONSULT.BAD_ASSIGNEE',
    );
  });
});
