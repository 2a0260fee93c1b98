import { z } from 'zod';
import { idSchema, instantSchema, pageInputSchema, pageOf, requestIdSchema } from './common';
import { defineAction, defineFunction } from './contract';
import { dateSchema } from './tasks';

/**
 * Notices to villages (seed 000 §一.7): solar-term farming advice published by the cloud, severe-weather
 * warnings (from the provider, or entered by an office that got one by phone or fax) and announcements
 * by cadres and offices. Active warnings sit on top of the list; a notice can be read aloud; staff see
 * who of the village has not read it yet.
 */
export const noticeKindSchema = z.enum(['farming', 'warning', 'announcement'], { errorMap: () => ({ message: '请选择通知的种类' }) });
export type NoticeKind = z.infer<typeof noticeKindSchema>;
export const noticeKindLabels: Record<NoticeKind, string> = { farming: '农事提醒', warning: '气象预警', announcement: '通知公告' };

/** China's four warning colours, always named in words beside the colour. */
export const warningLevelSchema = z.enum(['blue', 'yellow', 'orange', 'red'], { errorMap: () => ({ message: '请选择预警等级' }) });
export type WarningLevel = z.infer<typeof warningLevelSchema>;
export const warningLevelLabels: Record<WarningLevel, string> = {
  blue: '蓝色预警',
  yellow: '黄色预警',
  orange: '橙色预警',
  red: '红色预警',
};
/** Orange and red go to every user of the villages at once; blue and yellow to the list and the cadres. */
export const urgentWarningLevels: readonly WarningLevel[] = ['orange', 'red'];

/** A warning's life: active; replaced by an update; withdrawn by a cancel; expired once its end passed. */
export const warningStatusSchema = z.enum(['active', 'update', 'cancel']);
export type WarningStatus = z.infer<typeof warningStatusSchema>;

export const NOTICE_TITLE_MAX = 40;
export const NOTICE_BODY_MAX = 1000;
const titleSchema = z
  .string({ required_error: '请填写标题' })
  .trim()
  .min(2, '标题至少 2 个字')
  .max(NOTICE_TITLE_MAX, `标题最多 ${NOTICE_TITLE_MAX} 个字`);
const bodySchema = z
  .string({ required_error: '请填写内容' })
  .trim()
  .min(5, '内容至少 5 个字')
  .max(NOTICE_BODY_MAX, `内容最多 ${NOTICE_BODY_MAX} 个字`);

export const noticeSchema = z.object({
  id: idSchema,
  kind: noticeKindSchema,
  title: z.string(),
  body: z.string(),
  /** Warnings only. */
  level: warningLevelSchema.optional(),
  /** Warnings only: e.g. 暴雨, 大风, 寒潮. */
  warningType: z.string().optional(),
  /** Warnings only: when it applies. */
  start: instantSchema.optional(),
  end: instantSchema.optional(),
  /** A warning still in force (not cancelled, not past its end): pinned on top of the list. */
  active: z.boolean(),
  /** Withdrawn warnings stay readable with 已解除. */
  cancelled: z.boolean(),
  /** Who published it, in words: 石桥镇驻村办, 县气象台, 驻村干部 赵明远, 节气农事提醒. */
  publisher: z.string(),
  read: z.boolean(),
  publishedAt: instantSchema,
});
export type Notice = z.infer<typeof noticeSchema>;

export const readersSchema = z.object({
  /** How many of the villages' users have read it. */
  read: z.number().int().min(0),
  total: z.number().int().min(0),
  /** Who has not, so a cadre can phone them or use the loudspeaker. */
  unread: z.array(
    z.object({
      memberId: idSchema,
      name: z.string(),
      villageName: z.string(),
      /** 门牌 for a villager, the role for staff. */
      label: z.string(),
      /** For the village's own cadres and offices of its area, who phone those who have not read it. */
      phone: z.string().nullable(),
      /** Not on the app at all: only a phone call or the loudspeaker reaches them. */
      bound: z.boolean(),
    }),
  ),
});
export type Readers = z.infer<typeof readersSchema>;

export const termPreviewSchema = z.object({
  /** E.g. dongzhi; with year it names the notice, so a note is kept for that term only. */
  termId: z.string(),
  termName: z.string(),
  year: z.number().int(),
  /** The term's day in China: the notice goes out that morning. */
  date: dateSchema,
  regionLabel: z.string(),
  title: z.string(),
  advice: z.string(),
  risks: z.string(),
  /** What the village's cadre added for their own fields; null when nobody did. */
  localNote: z.string().nullable(),
  /** Already published (the term's day has come). */
  published: z.boolean(),
});
export type TermPreview = z.infer<typeof termPreviewSchema>;

const staff = ['cadre', 'office'] as const;
const everyone = ['villager', 'helper', 'cadre', 'office'] as const;

export const noticesContract = defineFunction({
  name: 'notices',
  actions: {
    /** The caller's notices: active warnings on top (first page only), then newest first. */
    list: defineAction({
      input: pageInputSchema.strict(),
      output: pageOf(noticeSchema).extend({ unread: z.number().int().min(0) }),
      errors: [],
      access: everyone,
    }),
    get: defineAction({
      input: z.object({ id: idSchema }).strict(),
      output: noticeSchema.extend({ villageNames: z.array(z.string()), canSeeReaders: z.boolean() }),
      errors: ['NOTICE.NOT_FOUND'],
      access: everyone,
    }),
    markRead: defineAction({
      input: z.object({ id: idSchema }).strict(),
      output: z.object({ read: z.literal(true) }),
      errors: ['NOTICE.NOT_FOUND'],
      access: everyone,
    }),
    /** A cadre to their village; an office to the villages of its area (all of them without villageIds). */
    publish: defineAction({
      input: z
        .object({
          kind: z.enum(['announcement', 'farming'], { errorMap: () => ({ message: '请选择通知的种类' }) }),
          title: titleSchema,
          body: bodySchema,
          villageIds: z.array(idSchema).min(1).max(100).optional(),
          requestId: requestIdSchema.optional(),
        })
        .strict(),
      output: noticeSchema,
      errors: ['NOTICE.OUT_OF_SCOPE', 'CONTENT.REJECTED'],
      access: staff,
    }),
    /**
     * The villages the caller may send to, by name: a cadre's own, an office's area's. The office's
     * publish and warning forms offer them to choose from (all of them by default).
     */
    villages: defineAction({
      input: z.object({}).strict(),
      output: z.object({ items: z.array(z.object({ id: idSchema, name: z.string() })) }),
      errors: [],
      access: staff,
    }),
    readers: defineAction({
      input: z.object({ id: idSchema }).strict(),
      output: readersSchema,
      errors: ['NOTICE.NOT_FOUND'],
      access: staff,
    }),
    /** The coming solar term's farming notice for the caller's village (or the office's villages' region). */
    previewTerm: defineAction({
      input: z.object({}).strict(),
      output: termPreviewSchema,
      errors: [],
      access: staff,
    }),
    /** A cadre adds a line for their village's fields to a coming term's notice, before its day. */
    setTermNote: defineAction({
      input: z
        .object({ termId: z.string().min(1).max(20), year: z.number().int().min(2000).max(2100), note: z.string().trim().max(200) })
        .strict(),
      output: termPreviewSchema,
      errors: ['NOTICE.TERM_PASSED'],
      access: ['cadre'],
    }),
    /**
     * An office relays a warning (received by phone or fax). A new one publishes; `update` with the earlier
     * notice's `sourceId` or `id` replaces its text and level; `cancel` withdraws it. Answers the notice `list` shows.
     */
    enterWarning: defineAction({
      input: z
        .object({
          type: z.string().trim().min(1, '请填写预警种类').max(20),
          level: warningLevelSchema,
          title: titleSchema,
          text: bodySchema,
          start: instantSchema,
          end: instantSchema,
          villageIds: z.array(idSchema).min(1).max(100).optional(),
          status: warningStatusSchema.optional(),
          sourceId: z.string().min(1).max(100).optional(),
          requestId: requestIdSchema.optional(),
        })
        .strict()
        .refine((w) => Date.parse(w.end) > Date.parse(w.start), { message: '解除时间要晚于开始时间', path: ['end'] }),
      output: noticeSchema,
      errors: ['NOTICE.NOT_FOUND', 'NOTICE.OUT_OF_SCOPE', 'NOTICE.ALREADY_OVER'],
      access: ['office'],
    }),
  },
  timers: [
    /**
     * Every 30 minutes: poll the warning source for each configured location; and on a solar term's day,
     * from 06:00, publish the term's farming notice to every village of each region (once). One trigger,
     * since CloudBase gives a function one timer trigger.
     */
    { name: 'tick', cron: '0 */30 * * * * *' },
  ],
});
