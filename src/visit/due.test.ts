import { taskDue as inWords } from './due';

/** The words as read: the non-breaking spaces that keep 3 天 together are spaces to a reader. */
const taskDue = (...args: Parameters<typeof inWords>) => {
  const due = inWords(...args);
  const plain = (t: string) => t.replace(/\u00a0/g, ' ');
  return { ...due, text: plain(due.text), rest: plain(due.rest), flag: due.flag === null ? null : plain(due.flag) };
};

const open = { status: 'open' as const, windowStart: '2026-12-01' };

describe("a task's due date in words", () => {
  it('counts whole days overdue by China’s calendar day, in words and in the flag', () => {
    expect(taskDue({ ...open, dueDate: '2026-11-28' }, '2026-12-01')).toEqual({
      text: '已逾期 3 天（11月28日到期）',
      overdue: true,
      flag: '已逾期 3 天',
      rest: '11月28日到期',
    });
  });

  it('takes the function’s word for overdue even when the phone is a day behind', () => {
    expect(taskDue({ status: 'overdue', windowStart: '2026-12-01', dueDate: '2026-12-01' }, '2026-12-01')).toMatchObject({
      overdue: true,
      flag: '已逾期',
    });
  });

  it('says today, tomorrow, or the day and how many days are left', () => {
    expect(taskDue({ ...open, dueDate: '2026-12-01' }, '2026-12-01').text).toBe('今天到期');
    expect(taskDue({ ...open, dueDate: '2026-12-02' }, '2026-12-01').text).toBe('明天到期');
    expect(taskDue({ ...open, dueDate: '2027-01-03' }, '2026-12-31')).toEqual({
      text: '2027年1月3日前完成，还剩 3 天',
      overdue: false,
      flag: null,
      rest: '2027年1月3日前完成，还剩 3 天',
    });
  });

  it('says when a task cannot be done yet (a festival visit before its window)', () => {
    expect(taskDue({ status: 'open', windowStart: '2027-01-27', dueDate: '2027-02-05' }, '2027-01-20').text).toBe(
      '1月27日起可以走访，2月5日前完成',
    );
  });

  it('says a closed task is closed, never overdue', () => {
    expect(taskDue({ status: 'done', windowStart: '2026-11-01', dueDate: '2026-11-15' }, '2026-12-01')).toEqual({
      text: '已完成',
      overdue: false,
      flag: null,
      rest: '已完成',
    });
    expect(taskDue({ status: 'skipped', windowStart: '2026-11-01', dueDate: '2026-11-15' }, '2026-12-01').text).toBe('已跳过');
  });
});
