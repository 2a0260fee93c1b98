import fc from 'fast-check';
import { aTask } from '../core/domain/domain.fixtures';
import { compareTasks } from '../core/domain/tasks';
import { isAfter, pageInMemory, rankOf } from './order';

const today = '2026-11-24';
const aDay = fc.integer({ min: 0, max: 40 }).map((d) => new Date(Date.UTC(2026, 10, 4 + d)).toISOString().slice(0, 10));
const tasks = fc.uniqueArray(
  fc.record({
    _id: fc.stringMatching(/^[a-z0-9]{1,6}$/),
    status: fc.constantFrom('open' as const, 'overdue' as const),
    urgent: fc.boolean(),
    dueDate: aDay,
  }),
  { selector: (t) => t._id, maxLength: 30 },
);

describe('the list order a cursor can carry', () => {
  it("sorts exactly as the domain's compareTasks does", () => {
    fc.assert(
      fc.property(tasks, (ts) => {
        const records = ts.map((t) => aTask(t));
        const byRank = [...records].sort((a, b) => {
          const ka = `${rankOf(a, today)}\u0000${a._id}`;
          const kb = `${rankOf(b, today)}\u0000${b._id}`;
          return ka < kb ? -1 : ka > kb ? 1 : 0;
        });
        expect(byRank.map((t) => t._id)).toEqual([...records].sort((a, b) => compareTasks(a, b, today)).map((t) => t._id));
      }),
    );
  });

  it('pages through any set of tasks, each once, in that order', () => {
    fc.assert(
      fc.property(tasks, fc.integer({ min: 1, max: 7 }), (ts, limit) => {
        const records = ts.map((t) => aTask(t));
        const seen: string[] = [];
        let cursor: [string, string] | undefined;
        for (;;) {
          const page = pageInMemory(records, { cursor, limit }, today);
          seen.push(...page.items.map((t) => t._id));
          if (!page.nextCursor) break;
          cursor = JSON.parse(page.nextCursor) as [string, string];
          expect(page.items.every((t) => !isAfter(t, cursor, today))).toBe(true);
        }
        expect(seen).toEqual([...records].sort((a, b) => compareTasks(a, b, today)).map((t) => t._id));
      }),
    );
  });
});
