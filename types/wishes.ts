import { z } from 'zod';
import { idSchema, instantSchema, pageInputSchema, pageOf, requestIdSchema } from './common';
import rules from '../config/wish-rules.json';
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

/** The numbers of the programme, kept as data in config/wish-rules.json. */
export const wishRules = {
  maxValueYuan: rules.maxValueYuan,
  maxPhotos: rules.maxPhotos,
  maxActiveClaims: rules.maxActiveClaims,
  claimDays: rules.claimDays,
  remindDaysBeforeDue: rules.remindDaysBeforeDue,
} as const;

/** An estimated value in whole yuan: micro-wishes are small. */
export const wishValueSchema = z
  .number({ invalid_type_error: '估计价值请填整数（元）' })
  .int('估计价值请填整数（元）')
  .min(1, '估计价值至少 1 元')
  .max(wishRules.maxValueYuan, `微心愿的估计价值最多 ${wishRules.maxValueYuan} 元`);

/**
 * A photo as the functions store it: a CloudBase fileID (cloud://…) in production, the stand-in's
 * local id (local://…) on one machine. Never a public link; links are handed out per caller.
 */
export const photoIdSchema = z
  .string()
  .min(1)
  .max(300)
  .regex(/^(cloud|local):\/\//, '照片编号无效');
export const photosSchema = z.array(photoIdSchema).max(wishRules.maxPhotos, `最多 ${wishRules.maxPhotos} 张照片`);

/** A short reason or note someone else will read: a rejection, a release, a delivery note. */
const noteSchema = (what: string, max = 200) =>
  z
    .string({ required_error: `请填写${what}` })
    .trim()
    .min(2, `${what}至少写 2 个字`)
    .max(max, `${what}最多 ${max} 个字`);

/** How a cadre collected a wish for a household (seed: 入户走访、电话、心愿箱). */
export const wishChannelSchema = z.enum(['visit', 'phone', 'paper'], { errorMap: () => ({ message: '请选择收集方式' }) });
export type WishChannel = z.infer<typeof wishChannelSchema>;
export const wishChannelLabels: Record<WishChannel, string> = { visit: '入户走访', phone: '电话', paper: '纸质心愿箱' };

/** One change of state, shown on the wish's page to those who may see the wish. */
export const wishEventSchema = z.object({
  at: instantSchema,
  /** Who did it, as the caller may see it: a role and a name, masked for villagers; 系统 for the timer. */
  by: z.string(),
  action: z.enum(['submit', 'publish', 'reject', 'withdraw', 'claim', 'release', 'expire', 'fulfil', 'confirm', 'thank', 'widen']),
  from: wishStatusSchema.nullable(),
  to: wishStatusSchema,
  note: z.string().nullable(),
});
export type WishEventView = z.infer<typeof wishEventSchema>;

export const ownWishSchema = z.object({
  id: idSchema,
  category: wishCategorySchema,
  text: z.string(),
  status: wishStatusSchema,
  createdAt: instantSchema,
  value: z.number().int().nullable().optional(),
  /** Why a cadre did not publish it, for the villager to read. */
  rejectReason: z.string().nullable().optional(),
  /** When a claimer means to deliver by (claimed wishes). */
  claimDueAt: instantSchema.nullable().optional(),
  thanked: z.boolean().optional(),
});
export type OwnWish = z.infer<typeof ownWishSchema>;

/** What a reviewing cadre of the same village sees: who asked, never their phone or ID number. */
export const reviewWishSchema = ownWishSchema.extend({
  submitterName: z.string(),
  householdLabel: z.string(),
  channel: wishChannelSchema.nullable().optional(),
  /** Short-lived links to the photos, for this caller only. */
  photoUrls: z.array(z.string()).optional(),
});
export type ReviewWish = z.infer<typeof reviewWishSchema>;

/** 王** for 王秀兰: the surname and one * for each other character (issue 8). */
export const maskedNameSchema = z.string();

/**
 * A card on the wish wall: nothing that identifies the household beyond a masked name and the
 * village — never a phone, ID number, address, full name, household id or member id.
 */
export const wallWishSchema = z.object({
  id: idSchema,
  status: wishStatusSchema,
  maskedName: maskedNameSchema,
  villageName: z.string(),
  category: wishCategorySchema,
  summary: z.string(),
  value: z.number().int().nullable(),
  scope: wishScopeSchema,
  publishedAt: instantSchema,
  daysWaiting: z.number().int().nonnegative(),
  photoUrls: z.array(z.string()),
});
export type WallWish = z.infer<typeof wallWishSchema>;

/** A wish's own page: the wall card plus what this caller may see and do. */
export const wishDetailSchema = wallWishSchema.extend({
  /** Null until a cadre publishes it (the household and its cadres see a wish from the start). */
  publishedAt: instantSchema.nullable(),
  /** The villager's own words: to the household and the village's cadres only. */
  text: z.string().nullable(),
  claim: z.object({ claimerName: z.string(), dueAt: instantSchema.nullable(), mine: z.boolean() }).nullable(),
  delivery: z.object({ note: z.string(), photoUrls: z.array(z.string()) }).nullable(),
  thanks: z.string().nullable(),
  rejectReason: z.string().nullable(),
  history: z.array(wishEventSchema),
  /** The actions this caller may take now, so the page offers only those. */
  can: z.array(z.enum(['withdraw', 'review', 'claim', 'release', 'fulfil', 'confirm', 'thank', 'widen'])),
});
export type WishDetail = z.infer<typeof wishDetailSchema>;

/** A claim of the caller's, for 我认领的. */
export const myClaimSchema = wallWishSchema.extend({ claimDueAt: instantSchema.nullable() });
export type MyClaim = z.infer<typeof myClaimSchema>;

const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

/** One export covers at most a year (a leap year's 366 days), so a ledger stays a file a phone can open. */
export const LEDGER_MAX_DAYS = 366;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;
const isCalendarDate = (date: string) => new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) === date;
const ledgerDateSchema = dateSchema.refine(
  (d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && isCalendarDate(d),
  '没有这一天，请重新选择日期',
);
export const ledgerInputSchema = z
  .object({ from: ledgerDateSchema, to: ledgerDateSchema })
  .strict()
  .refine((r) => r.from <= r.to, { message: '开始日期不能晚于结束日期', path: ['to'] })
  .refine((r) => dayNumber(r.to) - dayNumber(r.from) + 1 <= LEDGER_MAX_DAYS, {
    message: `台账一次最多导出 ${LEDGER_MAX_DAYS} 天，请缩短日期范围`,
    path: ['to'],
  });
const idInput = z.object({ id: idSchema }).strict();
const changed = z.object({ id: idSchema, status: wishStatusSchema });

export const wishesContract = defineFunction({
  name: 'wishes',
  actions: {
    submit: defineAction({
      input: z
        .object({
          category: wishCategorySchema,
          text: wishTextSchema,
          value: wishValueSchema.optional(),
          photos: photosSchema.optional(),
          requestId: requestIdSchema.optional(),
        })
        .strict(),
      output: ownWishSchema,
      errors: ['WISH.TOO_MANY_OPEN', 'WISH.CONTENT_RISKY'],
      access: ['villager'],
    }),
    /** A wish a cadre collected for a household of their village: on a visit, by phone, from the paper box. */
    submitFor: defineAction({
      input: z
        .object({
          householdId: idSchema,
          category: wishCategorySchema,
          text: wishTextSchema,
          value: wishValueSchema.optional(),
          channel: wishChannelSchema,
          requestId: requestIdSchema.optional(),
        })
        .strict(),
      output: ownWishSchema,
      errors: ['WISH.TOO_MANY_OPEN', 'WISH.CONTENT_RISKY', 'HOUSEHOLD.NOT_FOUND'],
      access: ['cadre'],
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
    withdraw: defineAction({
      input: idInput,
      output: changed,
      errors: ['WISH.NOT_FOUND', 'WISH.BAD_TRANSITION'],
      access: ['villager', 'cadre'],
    }),
    pendingReview: defineAction({
      input: pageInputSchema.strict(),
      output: pageOf(reviewWishSchema),
      errors: [],
      access: ['cadre'],
    }),
    /** Publish (with the public summary and category as the cadre edited them) or reject with a reason. */
    review: defineAction({
      input: z
        .object({
          id: idSchema,
          decision: z.enum(['publish', 'reject'], { errorMap: () => ({ message: '请选择通过或不通过' }) }),
          reason: noteSchema('不通过的原因').optional(),
          summary: noteSchema('心愿摘要', 100).optional(),
          category: wishCategorySchema.optional(),
        })
        .strict()
        .refine((r) => r.decision !== 'reject' || r.reason !== undefined, { message: '请填写不通过的原因', path: ['reason'] }),
      output: changed,
      errors: ['WISH.NOT_FOUND', 'WISH.BAD_TRANSITION', 'WISH.CONTENT_RISKY'],
      access: ['cadre'],
    }),
    wall: defineAction({
      input: pageInputSchema
        .extend({ category: wishCategorySchema.optional(), sort: z.enum(['newest', 'longest_waiting']).optional() })
        .strict(),
      output: pageOf(wallWishSchema),
      errors: [],
      access: ['helper', 'cadre', 'office'],
    }),
    get: defineAction({
      input: idInput,
      output: wishDetailSchema,
      errors: ['WISH.NOT_FOUND'],
      access: 'anyone',
    }),
    claim: defineAction({
      input: idInput,
      output: changed.extend({ claimDueAt: instantSchema }),
      errors: ['WISH.NOT_FOUND', 'WISH.ALREADY_CLAIMED', 'WISH.CLAIM_LIMIT', 'WISH.BAD_TRANSITION'],
      access: ['helper', 'cadre'],
    }),
    myClaims: defineAction({
      input: pageInputSchema.strict(),
      output: pageOf(myClaimSchema),
      errors: [],
      access: ['helper', 'cadre'],
    }),
    release: defineAction({
      input: z.object({ id: idSchema, reason: noteSchema('放弃认领的原因') }).strict(),
      output: changed,
      errors: ['WISH.NOT_FOUND', 'WISH.BAD_TRANSITION'],
      access: ['helper', 'cadre'],
    }),
    fulfil: defineAction({
      input: z.object({ id: idSchema, note: noteSchema('送达说明'), photos: photosSchema.optional() }).strict(),
      output: changed,
      errors: ['WISH.NOT_FOUND', 'WISH.BAD_TRANSITION', 'WISH.CONTENT_RISKY'],
      access: ['helper', 'cadre'],
    }),
    confirm: defineAction({
      input: idInput,
      output: changed,
      errors: ['WISH.NOT_FOUND', 'WISH.BAD_TRANSITION'],
      access: ['villager', 'cadre'],
    }),
    thank: defineAction({
      input: z.object({ id: idSchema, text: noteSchema('感谢的话') }).strict(),
      output: changed,
      errors: ['WISH.NOT_FOUND', 'WISH.BAD_TRANSITION', 'WISH.ALREADY_THANKED', 'WISH.CONTENT_RISKY'],
      access: ['villager'],
    }),
    widen: defineAction({
      input: z.object({ id: idSchema, scope: z.enum(['township', 'county']) }).strict(),
      output: changed.extend({ scope: wishScopeSchema }),
      errors: ['WISH.NOT_FOUND', 'WISH.BAD_TRANSITION'],
      access: ['cadre'],
    }),
    /** 心愿台账: the wishes of a date range (China dates, inclusive) as an .xlsx behind a short-lived link. */
    ledger: defineAction({
      input: ledgerInputSchema,
      output: z.object({ url: z.string() }),
      errors: [],
      access: ['cadre', 'office'],
    }),
  },
  timers: [
    /**
     * Every morning at 08:00 (UTC+8): cadres are reminded of wishes waiting for review, claimers of
     * claims falling due within days, and claims past their due date go back to the wall. One
     * trigger, since CloudBase gives a function one timer trigger.
     */
    { name: 'daily', cron: '0 0 8 * * * *' },
  ],
});
