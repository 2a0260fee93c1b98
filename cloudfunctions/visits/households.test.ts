import { aTask } from '../core/domain/domain.fixtures';
import { dueByHousehold } from './households';

describe("a household's next visit for the caller", () => {
  it('is the earliest due date of the open tasks there, overdue if any is, urgent if any is a must-visit, whatever order they come in', () => {
    const tasks = [
      aTask({ _id: 'a', householdId: 'h1', dueDate: '2026-12-04', urgent: true }),
      aTask({ _id: 'b', householdId: 'h1', dueDate: '2026-11-30' }),
      aTask({ _id: 'c', householdId: 'h2', dueDate: '2026-12-31' }),
      aTask({ _id: 'd', householdId: null, dueDate: '2026-11-01' }),
    ];
    const expected = new Map([
      ['h1', { nextDue: '2026-11-30', overdue: true, urgent: true }],
      ['h2', { nextDue: '2026-12-31', overdue: false, urgent: false }],
    ]);
    expect(dueByHousehold(tasks, '2026-12-01')).toEqual(expected);
    expect(dueByHousehold([...tasks].reverse(), '2026-12-01')).toEqual(expected);
  });
});
