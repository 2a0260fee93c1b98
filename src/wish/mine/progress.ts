import type { WishStatus } from '../../../types';

/** The stages a villager follows a wish through; each names what happens at it. */
export const wishStages = ['提交', '审核', '认领', '送达', '收到'] as const;

/**
 * Where a wish stands on `wishStages`: the stage now under way (all stages done = the length),
 * and, for a rejected wish, the word that replaces 审核.
 */
export function wishProgress(status: WishStatus): { current: number; failed?: string } {
  switch (status) {
    case 'pending_review':
      return { current: 1 };
    case 'rejected':
      return { current: 1, failed: '未通过' };
    case 'withdrawn':
      return { current: 1, failed: '已撤回' };
    case 'published':
      return { current: 2 };
    case 'claimed':
      return { current: 3 };
    case 'fulfilled':
      return { current: 4 };
    case 'confirmed':
      return { current: wishStages.length };
  }
}
