import fc from 'fast-check';
import { contracts, type ActionContract, type FunctionName, type Role } from '../../types';
import { handlers } from '../../cloudfunctions/registry';
import { makeWorld, type Person, type World } from '../support/world';

const personFor: Record<Role, Person> = { villager: 'villagerA', helper: 'helperA', cadre: 'cadreA', office: 'office' };
const chinese = /[\u4e00-\u9fff]/;
// zod's English defaults, which a villager must never read.
const english = /Required|Expected|Invalid|Unrecognized|must contain|received|String|Number/;

let w: World;
beforeAll(async () => {
  w = await makeWorld();
});

const actions = (Object.keys(contracts) as FunctionName[]).flatMap((fn) =>
  Object.entries(contracts[fn].actions as Record<string, ActionContract>).map(([action, spec]) => ({ fn, action, spec })),
);

describe('every message a caller can read is Chinese', () => {
  it.each(actions.map((a) => [`${a.fn}.${a.action}`, a] as const))('%s, for any input at all', async (_label, { fn, action, spec }) => {
    const who = spec.access === 'anyone' ? 'wx-stranger' : personFor[spec.access[0]];
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.anything(), fc.dictionary(fc.string(), fc.anything()), fc.object()), async (input) => {
        const res = await w.call(handlers[fn], who, action, input);
        if (res.ok) return;
        expect(res.error.message).toMatch(chinese);
        expect(res.error.message).not.toMatch(english);
      }),
      { numRuns: 150 },
    );
  });
});
