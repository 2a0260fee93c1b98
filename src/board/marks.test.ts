import { arrange, moderationChoices, statusWords } from './marks';
import { aPost } from './test-fixtures';

describe('status words', () => {
  it('says nothing of what everyone sees', () => {
    expect(statusWords('visible', true, false)).toBeNull();
    expect(statusWords('visible', false, true)).toBeNull();
  });

  it('tells the author of a held post that nobody else sees it until it is approved', () => {
    expect(statusWords('held', true, false)).toBe('待审核（审核通过后大家才能看到）');
    expect(statusWords('held', false, true)).toBe('待审核');
  });

  it('marks a hidden post for its author, and tells a cadre villagers do not see it', () => {
    expect(statusWords('hidden', true, false)).toBe('已隐藏');
    expect(statusWords('hidden', false, true)).toBe('已隐藏（村民看不到）');
  });
});

describe('a cadre’s moderation choices', () => {
  it('approves, hides or deletes a held post', () => {
    expect(moderationChoices('held').map((c) => `${c.action}:${c.label}`)).toEqual(['restore:通过', 'hide:隐藏', 'delete:删除']);
  });
  it('restores or deletes a hidden one, and hides or deletes a visible one', () => {
    expect(moderationChoices('hidden').map((c) => c.label)).toEqual(['恢复', '删除']);
    expect(moderationChoices('visible').map((c) => c.label)).toEqual(['隐藏', '删除']);
  });
});

describe('arranging the posts', () => {
  const pinned = aPost({ id: 'pin', pinned: true });
  const older = aPost({ id: 'old' });
  const newer = aPost({ id: 'new' });

  it('puts what was just written under the pinned posts and above the rest', () => {
    const mine = aPost({ id: 'mine', mine: true });
    expect(arrange([pinned, newer, older], [mine], new Map()).map((p) => p.id)).toEqual(['pin', 'mine', 'new', 'old']);
  });

  it('shows each post once, as last changed, and drops a deleted one', () => {
    const replied = { ...newer, replies: [] };
    const changed = new Map([
      ['new', { ...replied, text: '改过' }],
      ['old', null],
    ]);
    const shown = arrange([pinned, newer, older], [newer], changed);
    expect(shown.map((p) => p.id)).toEqual(['pin', 'new']);
    expect(shown[1].text).toBe('改过');
  });

  it('moves a post pinned here to the top and an unpinned one below the pinned', () => {
    const changed = new Map([
      ['old', { ...older, pinned: true }],
      ['pin', { ...pinned, pinned: false }],
    ]);
    expect(arrange([pinned, newer, older], [], changed).map((p) => p.id)).toEqual(['old', 'pin', 'new']);
  });
});
