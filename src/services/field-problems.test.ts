import { visitsContract, wishesContract } from '../../types';
import { fieldProblem, fieldProblems } from './field-problems';

describe("a form's field messages, in the contract's words", () => {
  it('gives the first message of each failing field, and nothing for one that passes', () => {
    const input = { id: 'w1', reason: '' };
    expect(fieldProblem(wishesContract.actions.release.input, input, 'reason')).toBe('放弃认领的原因至少写 2 个字');
    expect(fieldProblem(wishesContract.actions.release.input, input, 'id')).toBeUndefined();
    expect(fieldProblem(wishesContract.actions.release.input, { id: 'w1', reason: '家里有事' }, 'reason')).toBeUndefined();
  });

  it('keys a nested field by its dotted path and by its top-level field', () => {
    const found = fieldProblems(visitsContract.actions.log.input, {
      householdId: 'h1',
      mode: 'in_person',
      answers: { family: '', hardship: '无', needs: '无', intention: '无' },
    });
    expect(found['answers.family']).toBe('请记下家庭情况');
    expect(found.answers).toBe('请记下家庭情况');
    expect(found['answers.hardship']).toBeUndefined();
  });
});
