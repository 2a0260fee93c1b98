import { z } from 'zod';

export const roleSchema = z.enum(['villager', 'helper', 'cadre', 'office']);
export type Role = z.infer<typeof roleSchema>;

export const roleLabels: Record<Role, string> = {
  villager: '村民',
  helper: '帮扶责任人',
  cadre: '驻村干部',
  office: '驻村办',
};

export const idSchema = z.string().min(1).max(64);

/** ISO-8601 instant with offset, as produced by Date#toISOString. */
export const instantSchema = z.string().datetime({ offset: true });

const cursorTuple = z.tuple([z.union([z.string().max(64), z.number(), z.boolean()]), idSchema]);
export type Cursor = z.infer<typeof cursorTuple>;

/**
 * Where the next page starts: the `nextCursor` of the page before, passed back as it came.
 * Opaque to the client; the functions read it as the last item's sort value and id (keyset paging).
 */
export const cursorSchema = z
  .string()
  .max(200, '翻页位置无效，请刷新后重试')
  .transform((text, ctx): Cursor => {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      value = undefined;
    }
    const parsed = cursorTuple.safeParse(value);
    if (parsed.success) return parsed.data;
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: '翻页位置无效，请刷新后重试' });
    return z.NEVER;
  });

/** CloudBase reads at most 100 documents per call, so every list pages. */
export const pageInputSchema = z.object({
  cursor: cursorSchema.optional(),
  limit: z.number().int().min(1).max(50).optional(),
});
export type PageInput<C = Cursor> = { cursor?: C; limit?: number };

export const pageOf = <T extends z.ZodTypeAny>(item: T) =>
  z.object({
    items: z.array(item),
    /** Pass as `cursor` to read the next page; null when this was the last page. */
    nextCursor: z.string().nullable(),
  });

/**
 * Makes a creating action safe to retry: the client draws one id per form and sends it with
 * every attempt, so a double tap or a retry after a lost reply answers the first result.
 */
export const requestIdSchema = z.string().uuid('请求编号格式不对');

export const scopeLevelSchema = z.enum(['village', 'township', 'county']);
export type ScopeLevel = z.infer<typeof scopeLevelSchema>;

export const householdCategorySchema = z.enum(['lifted', 'monitored', 'ordinary']);
export type HouseholdCategory = z.infer<typeof householdCategorySchema>;
export const householdCategoryLabels: Record<HouseholdCategory, string> = {
  lifted: '脱贫户',
  monitored: '监测户',
  ordinary: '一般农户',
};
