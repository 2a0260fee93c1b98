import { consultStage, consultStages, dueInWords, hoursInWords, lateBy, targetInWords } from './words';

const now = new Date('2026-11-27T06:00:00.000Z'); // 14:00 in China

describe('a request in words', () => {
  it('says the target time of each type as the rules give it, in hours or whole days', () => {
    expect(targetInWords('medical')).toBe('一般 4\u00a0小时内答复，2\u00a0天内办好');
    expect(targetInWords('letter')).toBe('一般 1\u00a0天内答复，3\u00a0天内办好');
    expect(hoursInWords(36)).toBe('36\u00a0小时');
  });

  it('counts how late a request is in hours under a day and in days after', () => {
    expect(lateBy('2026-11-27T05:30:00.000Z', now)).toBe('1\u00a0小时');
    expect(lateBy('2026-11-27T02:00:00.000Z', now)).toBe('4\u00a0小时');
    expect(lateBy('2026-11-25T05:00:00.000Z', now)).toBe('2\u00a0天');
  });

  it('flags an overdue request in words and says what was due when', () => {
    const due = dueInWords({ status: 'submitted', dueAt: '2026-11-27T03:00:00.000Z', overdue: true, updatedAt: '' }, false, now);
    expect(due.flag).toBe('已超时\u00a03\u00a0小时');
    expect(due.rest).toBe('本应11月27日 11:00 前答复');
  });

  it('asks for an answer while waiting and for a result once accepted, in China time', () => {
    expect(dueInWords({ status: 'submitted', dueAt: '2026-11-27T10:00:00.000Z', overdue: false, updatedAt: '' }, true, now)).toEqual({
      flag: null,
      rest: '11月27日 18:00 前答复',
    });
    expect(dueInWords({ status: 'in_progress', dueAt: '2026-11-29T10:00:00.000Z', overdue: false, updatedAt: '' }, true, now).rest).toBe(
      '11月29日 18:00 前办好',
    );
  });

  it('asks the household to confirm a resolved request, and tells staff they wait for it', () => {
    const resolved = {
      status: 'resolved' as const,
      dueAt: '2026-11-20T10:00:00.000Z',
      overdue: false,
      updatedAt: '2026-11-26T02:30:00.000Z',
    };
    expect(dueInWords(resolved, true, now).rest).toBe('已办结，请告诉干部问题解决了没有');
    expect(dueInWords(resolved, false, now).rest).toBe('已办结，等群众确认');
    expect(dueInWords({ ...resolved, status: 'closed' }, true, now)).toEqual({ flag: null, rest: '11月26日 10:30 办完' });
  });

  it('marks every step done once the request is closed', () => {
    expect(consultStage('submitted')).toBe(0);
    expect(consultStage('in_progress')).toBe(2);
    expect(consultStage('resolved')).toBe(3);
    expect(consultStage('closed')).toBe(consultStages.length);
  });
});
