import { z } from 'zod';
import rules from '../config/consult-rules.json';
import { idSchema, instantSchema, pageInputSchema, pageOf, requestIdSchema } from './common';
import { defineAction, defineFunction } from './contract';
import { photoIdSchema } from './wishes';

/**
 * Consultation and proxy-service requests (咨询 / 爱心代办, seed 000 §一.5 and §一.9): a villager,
 * or a cadre on a villager's behalf, asks the village's cadres for help; a cadre accepts it or hands
 * it on, talks it through with the villager and resolves it; the villager answers 问题解决了吗？
 */
export const consultTypeSchema = z.enum(
  ['letter', 'forms', 'licences', 'industry', 'medical', 'insurance', 'loans', 'labour', 'shopping', 'legal', 'other'],
  { errorMap: () => ({ message: '请选择要办的事' }) },
);
export type ConsultType = z.infer<typeof consultTypeSchema>;
export const consultTypeLabels: Record<ConsultType, string> = {
  letter: '代写书信',
  forms: '代填表格',
  licences: '证照办理',
  industry: '产业发展咨询',
  medical: '就医协助',
  insurance: '医保报销 / 慢性病证',
  loans: '助学贷款 / 小额信贷',
  labour: '劳动保障咨询',
  shopping: '网上代购代销',
  legal: '法律咨询 / 矛盾调解',
  other: '其他',
};
/** Types whose page shows the county's legal-aid service card. */
export const legalConsultTypes: readonly ConsultType[] = ['legal'];

/**
 * submitted → accepted → in_progress → resolved → closed. A handover keeps the status; the first
 * reply by the assignee moves accepted to in_progress; "not solved" sends resolved back to in_progress.
 */
export const consultStatusSchema = z.enum(['submitted', 'accepted', 'in_progress', 'resolved', 'closed']);
export type ConsultStatus = z.infer<typeof consultStatusSchema>;
export const consultStatusLabels: Record<ConsultStatus, string> = {
  submitted: '等待受理',
  accepted: '已受理',
  in_progress: '办理中',
  resolved: '已办结，待确认',
  closed: '已完成',
};

/** The numbers of the service, kept as data in config/consult-rules.json (hours and days from submission). */
export const consultRules = {
  targets: rules.types as Record<ConsultType, { respondHours: number; resolveDays: number }>,
  /** A resolved request the villager does not answer closes itself after this many days. */
  autoCloseDays: rules.autoCloseDays,
  /** Open (not closed) requests a household may have at once. */
  maxOpenPerHousehold: rules.maxOpenPerHousehold,
  maxPhotos: rules.maxPhotos,
} as const;

export const CONSULT_TEXT_MIN = 5;
export const CONSULT_TEXT_MAX = 500;
export const consultTextSchema = z
  .string({ required_error: '请说说要办什么事' })
  .trim()
  .min(CONSULT_TEXT_MIN, `至少写 ${CONSULT_TEXT_MIN} 个字，说清楚要办什么事`)
  .max(CONSULT_TEXT_MAX, `最多 ${CONSULT_TEXT_MAX} 个字`);

const messageTextSchema = (what: string, max = 500) =>
  z
    .string({ required_error: `请填写${what}` })
    .trim()
    .min(1, `请填写${what}`)
    .max(max, `${what}最多 ${max} 个字`);

/** 法律援助便民服务卡: kept per county by its office. */
export const legalAidCardSchema = z.object({
  /** 12348, the national public legal service hotline, unless the county has its own. */
  hotline: z.string().trim().min(3).max(20),
  centre: z
    .object({ name: z.string().trim().min(2).max(40), phone: z.string().trim().min(5).max(20), address: z.string().trim().min(2).max(80) })
    .nullable(),
  /** 乡镇司法所, each with its phone. */
  judicialOffices: z
    .array(
      z.object({
        name: z.string().trim().min(2).max(40),
        phone: z.string().trim().min(5).max(20),
        address: z.string().trim().max(80).nullable(),
      }),
    )
    .max(30),
});
export type LegalAidCard = z.infer<typeof legalAidCardSchema>;

export const consultEventSchema = z.object({
  at: instantSchema,
  /** A role and a name as the caller may see it; 系统 for the timer. */
  by: z.string(),
  action: z.enum(['submit', 'accept', 'assign', 'reply', 'resolve', 'confirm', 'reopen', 'escalate', 'auto_close']),
  note: z.string().nullable(),
});
export type ConsultEventView = z.infer<typeof consultEventSchema>;

/** One message of the thread between the household and whoever handles the request. */
export const consultMessageSchema = z.object({
  id: idSchema,
  at: instantSchema,
  authorName: z.string(),
  /** From the household's side (the villager, or a cadre who asked on their behalf when entering it). */
  fromHousehold: z.boolean(),
  text: z.string(),
});
export type ConsultMessage = z.infer<typeof consultMessageSchema>;

export const consultSummarySchema = z.object({
  id: idSchema,
  type: consultTypeSchema,
  status: consultStatusSchema,
  /** The first 60 characters of the description. */
  excerpt: z.string(),
  /** Who asked: the head of household's name and 门牌 for staff; 我家 for the household itself. */
  householdLabel: z.string(),
  villageName: z.string(),
  /** Who handles it in words: 本村驻村干部 until someone accepts, then a name and title. */
  assignee: z.string(),
  submittedAt: instantSchema,
  /** The deadline that applies now: a first answer while submitted, resolution after. */
  dueAt: instantSchema,
  /** Past that deadline while still open (not resolved or closed). */
  overdue: z.boolean(),
  /** Passed up to the township office. */
  escalated: z.boolean(),
  updatedAt: instantSchema,
});
export type ConsultSummary = z.infer<typeof consultSummarySchema>;

export const consultDetailSchema = consultSummarySchema.extend({
  text: z.string(),
  /** Short-lived links to the photos, for this caller only. */
  photoUrls: z.array(z.string()),
  /** Who entered it, when a cadre did on the household's behalf. */
  enteredBy: z.string().nullable(),
  thread: z.array(consultMessageSchema),
  history: z.array(consultEventSchema),
  /** The county's legal-aid card, on legal and dispute requests only. */
  legalAid: legalAidCardSchema.nullable(),
  /** What this caller may do now; the page shows only these. */
  can: z.object({ accept: z.boolean(), assign: z.boolean(), reply: z.boolean(), resolve: z.boolean(), confirm: z.boolean() }),
  /** The resolver's note, shown with 问题解决了吗？ */
  resolution: z.string().nullable(),
});
export type ConsultDetail = z.infer<typeof consultDetailSchema>;

/** Someone a request can be handed to: another cadre of the village, or an office user of its township. */
export const consultAssigneeSchema = z.object({
  memberId: idSchema,
  name: z.string(),
  title: z.string().nullable(),
  role: z.enum(['cadre', 'office']),
});
export type ConsultAssignee = z.infer<typeof consultAssigneeSchema>;

export const consultViewSchema = z.enum(['open', 'done']);
export type ConsultView = z.infer<typeof consultViewSchema>;

const handlers = ['cadre', 'office'] as const;

export const consultsContract = defineFunction({
  name: 'consults',
  actions: {
    /** A villager for their own household (no householdId); a cadre for a household of the village (householdId). */
    submit: defineAction({
      input: z
        .object({
          type: consultTypeSchema,
          text: consultTextSchema,
          /** 在征得群众同意基础上: the household agrees that cadres act on its behalf. */
          consent: z.boolean({ required_error: '请确认同意干部代为办理' }),
          householdId: idSchema.optional(),
          photos: z.array(photoIdSchema).max(consultRules.maxPhotos, `最多 ${consultRules.maxPhotos} 张照片`).optional(),
          requestId: requestIdSchema.optional(),
        })
        .strict(),
      output: consultSummarySchema,
      errors: ['CONSULT.NO_CONSENT', 'CONSULT.TOO_MANY_OPEN', 'HOUSEHOLD.NOT_FOUND', 'TASK.NO_HOUSEHOLD', 'CONTENT.REJECTED'],
      access: ['villager', 'cadre'],
    }),
    /** The caller's household's requests, open ones first, then newest. */
    mine: defineAction({
      input: pageInputSchema.strict(),
      output: pageOf(consultSummarySchema),
      errors: ['TASK.NO_HOUSEHOLD'],
      access: ['villager'],
    }),
    /**
     * 待办求助: a cadre's village's requests; an office's township's (county's) overdue or escalated ones
     * and those handed to it. `open` sorts by the deadline that applies now, so overdue comes first;
     * `done` (resolved and closed) newest first.
     */
    assigned: defineAction({
      input: pageInputSchema.extend({ view: consultViewSchema.optional() }).strict(),
      output: pageOf(consultSummarySchema).extend({ overdue: z.number().int().min(0) }),
      errors: [],
      access: handlers,
    }),
    get: defineAction({
      input: z.object({ id: idSchema }).strict(),
      output: consultDetailSchema,
      errors: ['CONSULT.NOT_FOUND'],
      access: ['villager', 'cadre', 'office'],
    }),
    accept: defineAction({
      input: z.object({ id: idSchema }).strict(),
      output: consultDetailSchema,
      errors: ['CONSULT.NOT_FOUND', 'CONSULT.BAD_TRANSITION'],
      access: handlers,
    }),
    /** Whom `assign` may hand this request to. */
    assignees: defineAction({
      input: z.object({ id: idSchema }).strict(),
      output: z.object({ items: z.array(consultAssigneeSchema) }),
      errors: ['CONSULT.NOT_FOUND'],
      access: handlers,
    }),
    /** 转交: to another cadre of the village or an office user of the township; the new assignee must accept. */
    assign: defineAction({
      input: z.object({ id: idSchema, toMemberId: idSchema, note: z.string().trim().max(200).optional() }).strict(),
      output: consultDetailSchema,
      errors: ['CONSULT.NOT_FOUND', 'CONSULT.BAD_TRANSITION', 'CONSULT.BAD_ASSIGNEE', 'CONTENT.REJECTED'],
      access: handlers,
    }),
    reply: defineAction({
      input: z.object({ id: idSchema, text: messageTextSchema('回复'), requestId: requestIdSchema.optional() }).strict(),
      output: consultDetailSchema,
      errors: ['CONSULT.NOT_FOUND', 'CONSULT.BAD_TRANSITION', 'CONTENT.REJECTED'],
      access: ['villager', 'cadre', 'office'],
    }),
    resolve: defineAction({
      input: z.object({ id: idSchema, note: messageTextSchema('办理结果', 300) }).strict(),
      output: consultDetailSchema,
      errors: ['CONSULT.NOT_FOUND', 'CONSULT.BAD_TRANSITION', 'CONTENT.REJECTED'],
      access: handlers,
    }),
    /** 问题解决了吗？ yes closes it; no reopens it with the reason. */
    confirm: defineAction({
      input: z.object({ id: idSchema, solved: z.boolean(), reason: z.string().trim().max(300).optional() }).strict(),
      output: consultDetailSchema,
      errors: ['CONSULT.NOT_FOUND', 'CONSULT.BAD_TRANSITION', 'CONSULT.NEED_REASON', 'CONTENT.REJECTED'],
      access: ['villager', 'cadre'],
    }),
    /** The caller's county's legal-aid card (or the default). */
    legalCard: defineAction({
      input: z.object({}).strict(),
      output: legalAidCardSchema,
      errors: [],
      access: ['villager', 'helper', 'cadre', 'office'],
    }),
    /** A county office replaces its county's card. */
    setLegalCard: defineAction({
      input: legalAidCardSchema.strict(),
      output: legalAidCardSchema,
      errors: [],
      access: ['office'],
    }),
  },
  timers: [
    /**
     * Every hour: requests past their deadline are marked overdue for the assignee and passed to the
     * township office once; resolved requests nobody answered close after autoCloseDays. One trigger,
     * since CloudBase gives a function one timer trigger.
     */
    { name: 'hourly', cron: '0 0 * * * * *' },
  ],
});
