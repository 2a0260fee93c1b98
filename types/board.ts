import { z } from 'zod';
import rules from '../config/board-rules.json';
import { idSchema, instantSchema, pageInputSchema, pageOf, requestIdSchema } from './common';
import { defineAction, defineFunction } from './contract';
import { photoIdSchema } from './wishes';

/**
 * The village message board (留言板): the village's villagers, helpers and cadres post and reply;
 * cadres' words are marked 官方回复 and cadres pin notices. Nobody sees another village's board.
 * Every text passes the content check before others see it; phone and ID numbers are masked.
 */
export const boardRules = {
  postsPerHour: rules.postsPerHour,
  postsPerDay: rules.postsPerDay,
  /** Distinct people reporting a post before it is hidden pending a cadre's review. */
  reportsToHide: rules.reportsToHide,
  maxReplies: rules.maxReplies,
  maxText: rules.maxText,
  maxPhotos: rules.maxPhotos,
} as const;

export const boardTextSchema = z
  .string({ required_error: '请写下要说的话' })
  .trim()
  .min(1, '请写下要说的话')
  .max(boardRules.maxText, `最多 ${boardRules.maxText} 个字`);

/**
 * visible: everyone of the village sees it. held: the content check asked for a person (author and cadres
 * see it, marked 待审核). hidden: reported 3 times or hidden by a cadre (author and cadres see it, marked
 * 已隐藏). Deleted posts are gone for everyone.
 */
export const boardStatusSchema = z.enum(['visible', 'held', 'hidden']);
export type BoardStatus = z.infer<typeof boardStatusSchema>;
export const boardStatusLabels: Record<BoardStatus, string> = { visible: '已发布', held: '待审核', hidden: '已隐藏' };

export const reportReasonSchema = z.enum(['spam', 'offensive', 'personal_info', 'other'], {
  errorMap: () => ({ message: '请选择举报的原因' }),
});
export type ReportReason = z.infer<typeof reportReasonSchema>;
export const reportReasonLabels: Record<ReportReason, string> = {
  spam: '垃圾广告',
  offensive: '辱骂攻击',
  personal_info: '泄露个人信息',
  other: '其他',
};

export const boardReplySchema = z.object({
  id: idSchema,
  text: z.string(),
  authorName: z.string(),
  /** A cadre's reply: 官方回复. */
  official: z.boolean(),
  status: boardStatusSchema,
  mine: z.boolean(),
  createdAt: instantSchema,
});
export type BoardReply = z.infer<typeof boardReplySchema>;

export const boardPostSchema = z.object({
  id: idSchema,
  /** As stored: phone and ID numbers already masked (138****5678). */
  text: z.string(),
  authorName: z.string(),
  /** 村民 / 帮扶责任人 / 驻村干部. */
  authorRole: z.string(),
  /** Written by a cadre. */
  official: z.boolean(),
  pinned: z.boolean(),
  status: boardStatusSchema,
  /** Short-lived links to the photos, for this caller only. */
  photoUrls: z.array(z.string()),
  replies: z.array(boardReplySchema),
  createdAt: instantSchema,
  mine: z.boolean(),
  /** The caller already reported it. */
  reported: z.boolean(),
  /** Reports so far, for cadres only (0 for others). */
  reportCount: z.number().int().min(0),
});
export type BoardPost = z.infer<typeof boardPostSchema>;

const villageMembers = ['villager', 'helper', 'cadre'] as const;

export const boardContract = defineFunction({
  name: 'board',
  actions: {
    /** The caller's village's board: pinned first, then newest. */
    list: defineAction({
      input: pageInputSchema.strict(),
      output: pageOf(boardPostSchema).extend({ villageName: z.string(), canModerate: z.boolean() }),
      errors: [],
      access: villageMembers,
    }),
    post: defineAction({
      input: z
        .object({
          text: boardTextSchema,
          photos: z.array(photoIdSchema).max(boardRules.maxPhotos, `最多 ${boardRules.maxPhotos} 张照片`).optional(),
          requestId: requestIdSchema.optional(),
        })
        .strict(),
      output: boardPostSchema,
      errors: ['BOARD.RATE_LIMITED', 'CONTENT.REJECTED'],
      access: villageMembers,
    }),
    reply: defineAction({
      input: z.object({ postId: idSchema, text: boardTextSchema, requestId: requestIdSchema.optional() }).strict(),
      output: boardPostSchema,
      errors: ['BOARD.NOT_FOUND', 'BOARD.RATE_LIMITED', 'BOARD.REPLIES_FULL', 'CONTENT.REJECTED'],
      access: villageMembers,
    }),
    /** Anyone of the village, once per post. */
    report: defineAction({
      input: z.object({ postId: idSchema, reason: reportReasonSchema }).strict(),
      output: z.object({ hidden: z.boolean() }),
      errors: ['BOARD.NOT_FOUND', 'BOARD.ALREADY_REPORTED'],
      access: villageMembers,
    }),
    /** A cadre of the village: hide, restore (also releases a held post) or delete; recorded in the post's history. */
    moderate: defineAction({
      input: z
        .object({
          postId: idSchema,
          action: z.enum(['hide', 'restore', 'delete']),
          replyId: idSchema.optional(),
          note: z.string().trim().max(200).optional(),
        })
        .strict(),
      output: z.object({ post: boardPostSchema.nullable() }),
      errors: ['BOARD.NOT_FOUND'],
      access: ['cadre'],
    }),
    pin: defineAction({
      input: z.object({ postId: idSchema, pinned: z.boolean() }).strict(),
      output: boardPostSchema,
      errors: ['BOARD.NOT_FOUND'],
      access: ['cadre'],
    }),
  },
});
