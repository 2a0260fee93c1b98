import { z } from 'zod';
import { householdCategorySchema, idSchema, instantSchema, pageInputSchema, pageOf, requestIdSchema } from './common';
import { defineAction, defineFunction } from './contract';
import { dateSchema, taskSchema } from './tasks';
import { photosSchema } from './wishes';

/** The visit log (走访日志, 结对帮扶记录本): what was asked, what was found, who follows up. */
export const visitModeSchema = z.enum(['in_person', 'phone'], { errorMap: () => ({ message: '请选择入户还是电话' }) });
export type VisitMode = z.infer<typeof visitModeSchema>;
export const visitModeLabels: Record<VisitMode, string> = { in_person: '入户走访', phone: '电话回访' };

/** 四必问 (seed 000 §一.1), in the order a visit goes through them. */
export const visitQuestions = ['family', 'hardship', 'needs', 'intention'] as const;
export type VisitQuestion = (typeof visitQuestions)[number];
export const visitQuestionLabels: Record<VisitQuestion, string> = {
  family: '家庭情况',
  hardship: '生活疾苦',
  needs: '现实需求',
  intention: '脱贫意向',
};

export const VISIT_ANSWER_MAX = 300;
const answerSchema = (q: VisitQuestion) =>
  z
    .string({ required_error: `请记下${visitQuestionLabels[q]}` })
    .trim()
    .min(1, `请记下${visitQuestionLabels[q]}`)
    .max(VISIT_ANSWER_MAX, `${visitQuestionLabels[q]}最多 ${VISIT_ANSWER_MAX} 个字`);

export const visitAnswersSchema = z.object({
  family: answerSchema('family'),
  hardship: answerSchema('hardship'),
  needs: answerSchema('needs'),
  intention: answerSchema('intention'),
});
export type VisitAnswers = z.infer<typeof visitAnswersSchema>;

export const MAX_VISIT_PROBLEMS = 10;
export const problemSchema = z.object({
  text: z.string().trim().min(2, '问题至少写 2 个字').max(200, '问题最多 200 个字'),
  /** Who follows it up: a cadre or helper of the village; the visitor when left out. */
  ownerId: idSchema.optional(),
  /** By when; 7 days after the visit when left out. */
  dueDate: dateSchema.optional(),
});

export const locationSchema = z.object({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
});

export const visitSchema = z.object({
  id: idSchema,
  visitedOn: dateSchema,
  mode: visitModeSchema,
  /** 驻村干部 张** / 帮扶责任人 李明, as the caller may see it. */
  visitor: z.string(),
  answers: visitAnswersSchema,
  problems: z.array(z.object({ text: z.string(), owner: z.string(), dueDate: dateSchema, followUpId: idSchema })),
  photoUrls: z.array(z.string()),
  createdAt: instantSchema,
});
export type Visit = z.infer<typeof visitSchema>;

export const followUpSchema = z.object({
  id: idSchema,
  text: z.string(),
  owner: z.string(),
  dueDate: dateSchema,
  status: z.enum(['open', 'overdue', 'done', 'skipped']),
});
export type FollowUp = z.infer<typeof followUpSchema>;

export const householdPageSchema = z.object({
  household: z.object({
    id: idSchema,
    headName: z.string(),
    address: z.string(),
    villageName: z.string(),
    category: householdCategorySchema,
    livesAway: z.boolean(),
    size: z.number().int(),
    phone: z.string(),
  }),
  helpers: z.array(z.object({ id: idSchema, name: z.string(), phone: z.string() })),
  /** The village's cadres, who visit it and may own a follow-up; their work phones, as on the 连心卡. */
  cadres: z.array(z.object({ id: idSchema, name: z.string(), phone: z.string() })),
  openTasks: z.array(taskSchema),
  followUps: z.array(followUpSchema),
  /** The latest visits, newest first; `visits` pages further back. */
  visits: pageOf(visitSchema),
});
export type HouseholdPage = z.infer<typeof householdPageSchema>;

export const householdRowSchema = z.object({
  id: idSchema,
  headName: z.string(),
  address: z.string(),
  category: householdCategorySchema,
  livesAway: z.boolean(),
  /** The earliest due date of its open tasks for this caller; null when nothing is due. */
  nextDue: dateSchema.nullable(),
  overdue: z.boolean(),
  /** A must-visit for this caller is open there (四必访): shown above the rest, and said in words. */
  urgent: z.boolean(),
  lastVisitedOn: dateSchema.nullable(),
});
export type HouseholdRow = z.infer<typeof householdRowSchema>;

const visitors = ['helper', 'cadre', 'office'] as const;

export const visitsContract = defineFunction({
  name: 'visits',
  actions: {
    /** Logs a visit: resolves the household's open tasks it satisfies and opens a follow-up per problem. */
    log: defineAction({
      input: z
        .object({
          householdId: idSchema,
          mode: visitModeSchema,
          answers: visitAnswersSchema,
          problems: z.array(problemSchema).max(MAX_VISIT_PROBLEMS, `一次最多记 ${MAX_VISIT_PROBLEMS} 个问题`).optional(),
          /** The day of the visit, today when left out; never in the future, at most 30 days back. */
          visitedOn: dateSchema.optional(),
          photos: photosSchema.optional(),
          location: locationSchema.optional(),
          requestId: requestIdSchema.optional(),
        })
        .strict(),
      output: z.object({ visitId: idSchema, resolvedTaskIds: z.array(idSchema), followUpIds: z.array(idSchema) }),
      errors: ['HOUSEHOLD.NOT_FOUND', 'VISIT.BAD_DATE', 'VISIT.BAD_OWNER', 'WISH.CONTENT_RISKY'],
      access: ['helper', 'cadre'],
    }),
    /** The household page (结对帮扶记录本): its cadres, paired helpers and the office only; every read is recorded. */
    household: defineAction({
      input: z.object({ householdId: idSchema }).strict(),
      output: householdPageSchema,
      errors: ['HOUSEHOLD.NOT_FOUND'],
      access: visitors,
    }),
    /** Earlier visits of a household, newest first. */
    history: defineAction({
      input: pageInputSchema.extend({ householdId: idSchema }).strict(),
      output: pageOf(visitSchema),
      errors: ['HOUSEHOLD.NOT_FOUND'],
      access: visitors,
    }),
    /** A helper's paired households, or a cadre's village, soonest due first. */
    households: defineAction({
      input: pageInputSchema.strict(),
      output: pageOf(householdRowSchema),
      errors: [],
      access: ['helper', 'cadre'],
    }),
  },
});
