import type { BoardPost, BoardStatus } from '../../types/board';

/**
 * What a post or reply that not everyone sees says about itself, in words: its author learns that
 * nobody else sees it yet, a cadre that it waits on them. Null for what everyone sees.
 */
export function statusWords(status: BoardStatus, mine: boolean, canModerate: boolean): string | null {
  if (status === 'visible') return null;
  if (status === 'held') return mine && !canModerate ? '待审核（审核通过后大家才能看到）' : '待审核';
  return canModerate ? '已隐藏（村民看不到）' : '已隐藏';
}

export type ModerationAction = 'hide' | 'restore' | 'delete';

/** A cadre's choices for a post or reply in `status`; restoring a held one is approving it. */
export function moderationChoices(status: BoardStatus): { action: ModerationAction; label: string }[] {
  switch (status) {
    case 'held':
      return [
        { action: 'restore', label: '通过' },
        { action: 'hide', label: '隐藏' },
        { action: 'delete', label: '删除' },
      ];
    case 'hidden':
      return [
        { action: 'restore', label: '恢复' },
        { action: 'delete', label: '删除' },
      ];
    case 'visible':
      return [
        { action: 'hide', label: '隐藏' },
        { action: 'delete', label: '删除' },
      ];
  }
}

/**
 * The posts to show: the ones written here since the list was read (newest first), then the list,
 * each as last changed here (null: deleted), pinned ones on top and the order otherwise kept.
 */
export function arrange(
  listed: readonly BoardPost[],
  added: readonly BoardPost[],
  changed: ReadonlyMap<string, BoardPost | null>,
): BoardPost[] {
  const seen = new Set<string>();
  const posts: BoardPost[] = [];
  for (const post of [...added, ...listed]) {
    if (seen.has(post.id)) continue;
    seen.add(post.id);
    const now = changed.has(post.id) ? changed.get(post.id)! : post;
    if (now !== null) posts.push(now);
  }
  return [...posts.filter((p) => p.pinned), ...posts.filter((p) => !p.pinned)];
}
