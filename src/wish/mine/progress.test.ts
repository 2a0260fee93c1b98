import { wishStatusSchema } from '../../../types';
import { wishProgress, wishStages } from './progress';

it('moves every status one stage further along than the one before', () => {
  const order = ['pending_review', 'published', 'claimed', 'fulfilled', 'confirmed'] as const;
  expect(order.map((s) => wishProgress(s).current)).toEqual([1, 2, 3, 4, wishStages.length]);
});

it('stops a rejected wish at review, in words', () => {
  expect(wishProgress('rejected')).toEqual({ current: 1, failed: '未通过' });
});

it('places every status the contract knows', () => {
  for (const s of wishStatusSchema.options) expect(wishProgress(s).current).toBeGreaterThan(0);
});
