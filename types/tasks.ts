import { z } from 'zod';
import { idSchema, instantSchema, pageInputSchema, pageOf, requestIdSchema } from './common';
import { defineAction, defineFunction } from './contract';

/**
 * Visit tasks (seed 000 §一.1-2, 002 §一(一), 003 第十二条): generated from the county's visit policy,
 * the roster and reported events; resolved by a logged visit (see ./visits).
 */
export const taskKindSchema = z.enum(['routine', 'phone', 'must_visit', 'festival', 'helper', 'follow_up', 'care', 'township']);
export type TaskKind = z.infer<typeof taskKindSchema>;
export const taskKindLabels: Record<TaskKind, string> = {
  routine: '例行走访',
  phone: '电话回访',
  must_visit: '必访',
  festival: '节日慰问',
  helper: '结对走访',
  follow_up: '问题跟进',
  care: '关爱干部',
  township: '包村走访',
};

export const taskStatusSchema = z.enum(['open', 'overdue', 'done', 'skipped']);
export type TaskStatus = z.infer<typeof taskStatusSchema>;
export const taskStatusLabels: Record<TaskStatus, string> = { open: '待办', overdue: '已逾期', done: '已完成', skipped: '已跳过' };

/** 四必访 (seed 000 §一.1): what a household reports so that its cadres and helpers come at once. */
export const householdEventSchema = z.enum(['wedding_funeral', 'serious_illness', 'hardship', 'family_change'], {
  errorMap: () => ({ message: '请选择家里发生了什么事' }),
});
export type HouseholdEvent = z.infer<typeof householdEventSchema>;
export const householdEventLabels: Record<HouseholdEvent, string> = {
  wedding_funeral: '红白喜事',
  serious_illness: '重大疾病',
  hardship: '上学就医特殊困难',
  family_change: '家庭变故',
};

/** 五必访 for cadres themselves (seed 000 §二.5, 001 §9): the township office visits. */
export const cadreEventSchema = z.enum(['distress', 'hospitalised', 'accident', 'family_hardship', 'heavy_workload'], {
  errorMap: () => ({ message: '请选择发生了什么事' }),
});
export type CadreEvent = z.infer<typeof cadreEventSchema>;
export const cadreEventLabels: Record<CadreEvent, string> = {
  distress: '思想异常',
  hospitalised: '生病住院',
  accident: '意外伤害',
  family_hardship: '家庭困难',
  heavy_workload: '工作难度大',
};

/** A calendar day in China time, YYYY-MM-DD. */
export const dateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 年-月-日')
  .refine((d) => {
    const [y, m, day] = d.split('-').map(Number);
    const t = new Date(Date.UTC(y, m - 1, day));
    return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === day;
  }, '没有这一天');

export const taskTabSchema = z.enum(['today', 'week', 'overdue', 'all']);
export type TaskTab = z.infer<typeof taskTabSchema>;
export const taskTabLabels: Record<TaskTab, string> = { today: '今天', week: '本周', overdue: '已逾期', all: '全部' };

/** A short reason or note someone else will read. */
const reasonSchema = (what: string, max = 200) =>
  z
    .string({ required_error: `请填写${what}` })
    .trim()
    .min(2, `${what}至少写 2 个字`)
    .max(max, `${what}最多 ${max} 个字`);

export const taskEventSchema = z.object({
  at: instantSchema,
  /** Who, as a role and name; 系统 for the daily timer. */
  by: z.string(),
  action: z.enum(['create', 'done', 'skip', 'reschedule', 'overdue', 'escalate', 'remind']),
  note: z.string().nullable(),
});
export type TaskEventView = z.infer<typeof taskEventSchema>;

export const taskSchema = z.object({
  id: idSchema,
  kind: taskKindSchema,
  /** The household to visit; null for a township team's village visit and for caring for a cadre. */
  householdId: idSchema.nullable(),
  /** What the caller may know of who is visited: the head's name and 门牌 for the village's staff. */
  householdLabel: z.string(),
  villageName: z.string(),
  status: taskStatusSchema,
  /** When the task can first be done (the period's first day). */
  windowStart: dateSchema,
  dueDate: dateSchema,
  /** A must-visit: shown on top, in red and in words. */
  urgent: z.boolean(),
  /** E.g. 重大疾病：住院了; the festival's name; a follow-up's problem. */
  title: z.string(),
  note: z.string().nullable(),
  /** Who is to do it, in words (本村驻村干部, a helper's name…). */
  assignee: z.string(),
  /** Past its deadline and passed up to the township office. */
  escalated: z.boolean(),
});
export type Task = z.infer<typeof taskSchema>;

export const taskCountsSchema = z.object({
  today: z.number().int().min(0),
  week: z.number().int().min(0),
  overdue: z.number().int().min(0),
  all: z.number().int().min(0),
});
export type TaskCounts = z.infer<typeof taskCountsSchema>;

export const taskDetailSchema = taskSchema.extend({ history: z.array(taskEventSchema) });
export type TaskDetail = z.infer<typeof taskDetailSchema>;

/** Who will come after a household reported an event: the village's cadres and the paired helpers. */
export const visitorSchema = z.object({ name: z.string(), role: z.enum(['helper', 'cadre', 'office']), title: z.string().nullable() });
export type Visitor = z.infer<typeof visitorSchema>;

export const policyPresetSchema = z.object({
  id: z.string(),
  label: z.string(),
  /** The rules in plain words, one line each, for the settings page. */
  summary: z.array(z.string()),
});
export type PolicyPreset = z.infer<typeof policyPresetSchema>;

const allStaff = ['helper', 'cadre', 'office'] as const;

export const tasksContract = defineFunction({
  name: 'tasks',
  actions: {
    /**
     * The caller's tasks: a cadre's village team's and their own, a helper's, an office's (its own,
     * the escalated ones, and every overdue task of its area). Overdue first, then must-visits, then by due date.
     */
    list: defineAction({
      input: pageInputSchema.extend({ tab: taskTabSchema }).strict(),
      output: pageOf(taskSchema).extend({ counts: taskCountsSchema }),
      errors: [],
      access: allStaff,
    }),
    detail: defineAction({
      input: z.object({ id: idSchema }).strict(),
      output: taskDetailSchema,
      errors: ['TASK.NOT_FOUND'],
      access: allStaff,
    }),
    /** 家里有事，请干部来一趟: a villager for their own household, a helper for a paired one, a cadre for one of the village. */
    reportEvent: defineAction({
      input: z
        .object({
          householdId: idSchema.optional(),
          event: householdEventSchema,
          note: reasonSchema('情况说明'),
          requestId: requestIdSchema.optional(),
        })
        .strict(),
      output: z.object({ eventId: idSchema, dueDate: dateSchema, visitors: z.array(visitorSchema) }),
      errors: ['HOUSEHOLD.NOT_FOUND', 'TASK.NO_HOUSEHOLD', 'WISH.CONTENT_RISKY'],
      access: ['villager', 'helper', 'cadre'],
    }),
    /** Caring for a cadre: a cadre about themselves or a colleague, an office about a cadre of its area. */
    reportCadreEvent: defineAction({
      input: z
        .object({ memberId: idSchema, event: cadreEventSchema, note: reasonSchema('情况说明'), requestId: requestIdSchema.optional() })
        .strict(),
      output: z.object({ eventId: idSchema, dueDate: dateSchema }),
      errors: ['MEMBER.NOT_FOUND', 'MEMBER.OUT_OF_SCOPE', 'WISH.CONTENT_RISKY'],
      access: ['cadre', 'office'],
    }),
    /** The cadres a caller may report a 五必访 event for: a cadre's village team, an office's cadres, by name. */
    careCandidates: defineAction({
      input: pageInputSchema.strict(),
      output: pageOf(z.object({ memberId: idSchema, name: z.string(), title: z.string().nullable(), villageName: z.string() })),
      errors: [],
      access: ['cadre', 'office'],
    }),
    skip: defineAction({
      input: z.object({ id: idSchema, reason: reasonSchema('跳过的原因') }).strict(),
      output: taskSchema,
      errors: ['TASK.NOT_FOUND', 'TASK.CLOSED'],
      access: allStaff,
    }),
    reschedule: defineAction({
      input: z.object({ id: idSchema, dueDate: dateSchema, reason: reasonSchema('改期的原因') }).strict(),
      output: taskSchema,
      errors: ['TASK.NOT_FOUND', 'TASK.CLOSED', 'TASK.BAD_DATE'],
      access: allStaff,
    }),
    /** Closes a task no household visit resolves: a follow-up item, a township team's village visit, caring for a cadre. */
    complete: defineAction({
      input: z.object({ id: idSchema, note: reasonSchema('办理情况') }).strict(),
      output: taskSchema,
      errors: ['TASK.NOT_FOUND', 'TASK.CLOSED', 'TASK.NEEDS_VISIT'],
      access: allStaff,
    }),
    /** The county's visit policy: the one in force, the one chosen from the next period, the presets. */
    policy: defineAction({
      input: z.object({}).strict(),
      output: z.object({
        current: z.string(),
        next: z.object({ presetId: z.string(), from: dateSchema }).nullable(),
        presets: z.array(policyPresetSchema),
        /** Whether this caller may switch it (a county office). */
        canChange: z.boolean(),
      }),
      errors: [],
      access: allStaff,
    }),
    setPolicy: defineAction({
      input: z.object({ presetId: z.string().min(1).max(40) }).strict(),
      output: z.object({ presetId: z.string(), from: dateSchema }),
      errors: ['POLICY.NOT_FOUND'],
      access: ['office'],
    }),
  },
  timers: [{ name: 'daily', cron: '0 30 7 * * * *' }],
});
