import { consultRules, consultStatusSchema, type ConsultStatus } from '../../../types/consults';
import { applyConsultAction, consultTargets, derivedFields, dueAtOf, isOverdue, type ConsultAction, type ConsultActor } from './consult';
import { SUBMITTED, later, villager, cadre, cadre2, township, as, system, aConsult, inStatus, codeOf } from './consult.fixtures';

describe('targets and deadlines', () => {
  it('counts the first answer in hours and resolution in days from submission, per type', () => {
    expect(consultTargets('medical', new Date(SUBMITTED))).toEqual({
      respondBy: '2026-11-24T06:00:00.000Z',
      resolveBy: '2026-11-26T02:00:00.000Z',
    });
    expect(consultTargets('licences', new Date(SUBMITTED))).toEqual({
      respondBy: '2026-11-25T02:00:00.000Z',
      resolveBy: '2026-12-09T02:00:00.000Z',
    });
    for (const [type, t] of Object.entries(consultRules.targets)) {
      expect(t.respondHours).toBeGreaterThan(0);
      expect(t.resolveDays * 24).toBeGreaterThan(t.respondHours);
      expect(type).toBeTruthy();
    }
  });

  it('applies the first-answer deadline while submitted and the resolution deadline after', () => {
    const s = aConsult();
    expect(dueAtOf(s)).toBe(s.respondBy);
    expect(dueAtOf({ ...s, status: 'accepted' })).toBe(s.resolveBy);
    expect(dueAtOf({ ...s, status: 'in_progress' })).toBe(s.resolveBy);
  });

  it('is overdue just past the deadline that applies, never once resolved or closed', () => {
    const s = aConsult();
    expect(isOverdue(s, new Date(s.respondBy))).toBe(false);
    expect(isOverdue(s, new Date(Date.parse(s.respondBy) + 1))).toBe(true);
    const accepted = inStatus('accepted');
    expect(isOverdue(accepted, new Date(Date.parse(s.respondBy) + 1))).toBe(false);
    expect(isOverdue(accepted, new Date(Date.parse(s.resolveBy) + 1))).toBe(true);
    expect(isOverdue(inStatus('resolved'), new Date(Date.parse(s.resolveBy) + 1))).toBe(false);
    expect(isOverdue(inStatus('closed'), new Date(Date.parse(s.resolveBy) + 1))).toBe(false);
  });

  it('derives the list fields: open only while waiting on staff, raised once escalated or with an office, closed last for the household', () => {
    expect(derivedFields(aConsult(), SUBMITTED)).toEqual({
      open: true,
      dueAt: aConsult().respondBy,
      raised: false,
      householdOrder: `1:${SUBMITTED}`,
    });
    expect(derivedFields(inStatus('resolved'), SUBMITTED)).toMatchObject({ open: false, householdOrder: `1:${SUBMITTED}` });
    expect(derivedFields(inStatus('closed'), SUBMITTED)).toMatchObject({ open: false, householdOrder: `0:${SUBMITTED}` });
    expect(derivedFields(aConsult({ escalatedAt: SUBMITTED }), SUBMITTED).raised).toBe(true);
    expect(derivedFields(aConsult({ assigneeId: township._id, assigneeRole: 'office' }), SUBMITTED).raised).toBe(true);
  });
});

const everyAction: { action: ConsultAction; allowed: ConsultStatus[]; actor: (s: ConsultStatus) => ConsultActor }[] = [
  { action: { kind: 'accept' }, allowed: ['submitted'], actor: () => as(cadre) },
  { action: { kind: 'assign', to: cadre2, note: null }, allowed: ['submitted', 'accepted', 'in_progress'], actor: () => as(cadre) },
  { action: { kind: 'reply' }, allowed: ['submitted', 'accepted', 'in_progress', 'resolved'], actor: () => as(villager) },
  { action: { kind: 'resolve', note: '办好了' }, allowed: ['accepted', 'in_progress'], actor: () => as(cadre) },
  { action: { kind: 'confirm', solved: true, reason: null }, allowed: ['resolved'], actor: () => as(villager) },
  { action: { kind: 'confirm', solved: false, reason: '还没拿到' }, allowed: ['resolved'], actor: () => as(villager) },
  { action: { kind: 'escalate' }, allowed: ['submitted', 'accepted', 'in_progress'], actor: () => system },
  { action: { kind: 'auto_close' }, allowed: ['resolved'], actor: () => system },
];

describe('every transition', () => {
  const farLater = later(24 * 60);
  it.each(everyAction.flatMap((a) => consultStatusSchema.options.map((status) => [a.action.kind, status, a] as const)))(
    '%s on a %s request: allowed exactly where the machine says, else CONSULT.BAD_TRANSITION',
    (_kind, status, a) => {
      const code = codeOf(() => applyConsultAction(inStatus(status), a.action, a.actor(status), farLater));
      expect(code).toBe(a.allowed.includes(status) ? null : 'CONSULT.BAD_TRANSITION');
    },
  );

  it('accept: the cadre takes it on, with the time, and it is theirs', () => {
    const { next, event } = applyConsultAction(aConsult(), { kind: 'accept' }, as(cadre), later(1));
    expect(next).toMatchObject({ status: 'accepted', assigneeId: cadre._id, assigneeRole: 'cadre', acceptedAt: later(1).toISOString() });
    expect(event).toEqual({ at: later(1).toISOString(), by: cadre._id, action: 'accept', note: null });
  });

  it('assign keeps the status and names the new assignee, with the note', () => {
    for (const status of ['submitted', 'accepted', 'in_progress'] as const) {
      const { next, event } = applyConsultAction(
        inStatus(status),
        { kind: 'assign', to: township, note: '需要镇里盖章' },
        as(cadre),
        later(1),
      );
      expect(next).toMatchObject({ status, assigneeId: township._id, assigneeRole: 'office' });
      expect(event).toMatchObject({ action: 'assign', note: '需要镇里盖章' });
    }
  });

  it("reply: the assignee's first reply starts the work; other replies change nothing but the thread", () => {
    const accepted = inStatus('accepted');
    expect(applyConsultAction(accepted, { kind: 'reply' }, as(cadre), later(2))).toMatchObject({
      next: { status: 'in_progress' },
      event: { action: 'reply', by: cadre._id },
    });
    expect(applyConsultAction(accepted, { kind: 'reply' }, as(villager), later(2))).toEqual({ next: accepted, event: null });
    // A colleague's reply helps, but the work is the assignee's to start.
    expect(applyConsultAction(accepted, { kind: 'reply' }, as(cadre2), later(2))).toEqual({ next: accepted, event: null });
    const working = inStatus('in_progress');
    expect(applyConsultAction(working, { kind: 'reply' }, as(cadre), later(2))).toEqual({ next: working, event: null });
  });

  it('resolve records the note and the time', () => {
    const { next, event } = applyConsultAction(inStatus('in_progress'), { kind: 'resolve', note: '表格已交' }, as(cadre), later(5));
    expect(next).toMatchObject({ status: 'resolved', resolvedAt: later(5).toISOString(), resolution: '表格已交' });
    expect(event).toMatchObject({ action: 'resolve', note: '表格已交' });
  });

  it('confirm yes closes it', () => {
    const { next, event } = applyConsultAction(
      inStatus('resolved'),
      { kind: 'confirm', solved: true, reason: null },
      as(villager),
      later(6),
    );
    expect(next).toMatchObject({ status: 'closed', closedAt: later(6).toISOString() });
    expect(event).toMatchObject({ action: 'confirm', by: villager._id });
  });

  it('confirm no reopens it with the reason and a fresh resolution target', () => {
    const at = later(24 * 30);
    const { next, event } = applyConsultAction(
      inStatus('resolved'),
      { kind: 'confirm', solved: false, reason: ' 还差一张证明 ' },
      as(villager),
      at,
    );
    expect(next).toMatchObject({ status: 'in_progress', resolvedAt: null, resolution: null, assigneeId: cadre._id });
    expect(next.resolveBy).toBe(new Date(at.getTime() + consultRules.targets.forms.resolveDays * 86_400_000).toISOString());
    expect(event).toEqual({ at: at.toISOString(), by: villager._id, action: 'reopen', note: '还差一张证明' });
  });

  it('confirm no without a reason is CONSULT.NEED_REASON', () => {
    for (const reason of [null, '', '   ']) {
      expect(
        codeOf(() => applyConsultAction(inStatus('resolved'), { kind: 'confirm', solved: false, reason }, as(villager), later(6))),
      ).toBe('CONSULT.NEED_REASON');
    }
  });

  it('escalate: once, and only past the deadline', () => {
    const s = aConsult();
    const past = new Date(Date.parse(s.respondBy) + 1);
    expect(codeOf(() => applyConsultAction(s, { kind: 'escalate' }, system, new Date(s.respondBy)))).toBe('CONSULT.BAD_TRANSITION');
    const { next, event } = applyConsultAction(s, { kind: 'escalate' }, system, past);
    expect(next).toMatchObject({ status: 'submitted', escalatedAt: past.toISOString() });
    expect(event).toMatchObject({ by: 'system', action: 'escalate' });
    expect(codeOf(() => applyConsultAction(next, { kind: 'escalate' }, system, past))).toBe('CONSULT.BAD_TRANSITION');
  });

  it('auto_close: only autoCloseDays after it was resolved, to the millisecond', () => {
    const s = inStatus('resolved');
    const due = new Date(Date.parse(s.resolvedAt!) + consultRules.autoCloseDays * 86_400_000);
    expect(codeOf(() => applyConsultAction(s, { kind: 'auto_close' }, system, new Date(due.getTime() - 1)))).toBe('CONSULT.BAD_TRANSITION');
    expect(applyConsultAction(s, { kind: 'auto_close' }, system, due)).toMatchObject({
      next: { status: 'closed', closedAt: due.toISOString() },
      event: { by: 'system', action: 'auto_close' },
    });
  });

  it('keeps the timer’s steps from people and people’s from the timer', () => {
    expect(codeOf(() => applyConsultAction(aConsult(), { kind: 'escalate' }, as(cadre), later(100)))).toBe('COMMON.FORBIDDEN');
    expect(codeOf(() => applyConsultAction(inStatus('resolved'), { kind: 'auto_close' }, as(villager), later(24 * 30)))).toBe(
      'COMMON.FORBIDDEN',
    );
    expect(codeOf(() => applyConsultAction(aConsult(), { kind: 'accept' }, system, later(1)))).toBe('COMMON.FORBIDDEN');
  });
});
