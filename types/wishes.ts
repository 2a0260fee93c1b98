import { z } from 'zod';
import { idSchema, instantSchema, pageInputSchema, pageOf, requestIdSchema } from './common';
import { defineAction, defineFunction } from './contract';

export const wishCategorySchema = z.enum(['daily', 'study', 'health', 'farming', 'clothing', 'other'], {
  errorMap: () => ({ message: '请选择心愿类别' }),
});
export type WishCategory = z.infer<typeof wishCategorySchema>;
export const wishCategoryLabels: Record<WishCategory, string> = {
  daily: '生活用品',
  study: '学习用品',
  health: '医疗健康',
  farming: '农资农具',
  clothing: '衣物被褥',
  other: '其他',
};

/** The micro-wish lifecycle: review before publishing, one claim, proof, receipt. */
export const wishStatusSchema = z.enum(['pending_review', 'published', 'rejected', 'withdrawn', 'claimed', 'fulfilled', 'confirmed']);
export type WishStatus = z.infer<typeof wishStatusSchema>;
export const wishStatusLabels: Record<WishStatus, string> = {
  pending_review: '待审核',
  published: '已上墙',
  rejected: '未通过',
  withdrawn: '已撤回',
  claimed: '已认领',
  fulfilled: '已送达',
  confirmed: '已确认收到',
};

/**
 * Who may see and claim a published wish: its village, or, once a cadre widened a wish beyond
 * the village's means (seed 000 §一.4: 联系社会帮扶力量), its township or county.
 */
export const wishScopeSchema = z.enum(['village', 'township', 'county']);
export type WishScope = z.infer<typeof wishScopeSchema>;
export const wishScopeLabels: Record<WishScope, string> = { village: '本村', township: '全镇', county: '全县' };

export const WISH_TEXT_MIN = 5;
export const WISH_TEXT_MAX = 200;
/** A household keeps at most this many wishes open, so one family cannot crowd the wall. */
export const MAX_OPEN_WISHES = 3;

export const wishTextSchema = z
  .string({ required_error: '请写下您的心愿' })
  .trim()
  .min(WISH_TEXT_MIN, `心愿至少写 ${WISH_TEXT_MIN} 个字`)
  .max(WISH_TEXT_MAX, `心愿最多 ${WISH_TEXT_MAX} 个字`);

export const ownWishSchema = z.object({
  id: idSchema,
  category: wishCategorySchema,
  text: z.string(),
  status: wishStatusSchema,
  createdAt: instantSchema,
});
export type OwnWish = z.infer<typeof ownWishSchema>;

/** What a reviewing cadre of the same village sees: who asked, never their phone or ID number. */
export const reviewWishSchema = ownWishSchema.extend({
  submitterName: z.string(),
  householdLabel: z.string(),
});
export type ReviewWish = z.infer<typeof reviewWishSchema>;

export const wishesContract = defineFunction({
  name: 'wishes',
  actions: {
    submit: defineAction({
      input: z.object({ category: wishCategorySchema, text: wishTextSchema, requestId: requestIdSchema.optional() }).strict(),
      output: ownWishSchema,
      errors: ['WISH.TOO_MANY_OPEN'],
      access: ['villager'],
    }),
    /**
     * How many of the household's wishes are open against the cap, so the wish box can say
     * "已有 3 个心愿" before the villager types one rather than after.
     */
    quota: defineAction({
      input: z.object({}).strict(),
      output: z.object({ open: z.number().int().nonnegative(), max: z.number().int().positive() }),
      errors: [],
      access: ['villager'],
    }),
    mine: defineAction({
      input: pageInputSchema.strict(),
      output: pageOf(ownWishSchema),
      errors: [],
      access: ['villager'],
    }),
    pendingReview: defineAction({
      input: pageInputSchema.strict(),
      output: pageOf(reviewWishSchema),
      errors: [],
      access: ['cadre'],
    }),
  },
  timers: [
    /** Every morning at 08:00 (UTC+8) cadres are reminded of wishes still waiting for review. */
    { name: 'daily-review-reminder', cron: '0 0 8 * * * *' },
  ],
});
