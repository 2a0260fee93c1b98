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

/** Offset paging: CloudBase reads at most 100 documents per call, so every list pages. */
export const pageInputSchema = z.object({
  cursor: z.number().int().min(0).max(100_000).optional(),
  limit: z.number().int().min(1).max(50).optional(),
});
export type PageInput = z.infer<typeof pageInputSchema>;

export const pageOf = <T extends z.ZodTypeAny>(item: T) =>
  z.object({
    items: z.array(item),
    /** Offset to pass as `cursor` for the next page; null when this was the last page. */
    nextCursor: z.number().int().nullable(),
  });

export const scopeLevelSchema = z.enum(['village', 'township', 'county']);
export type ScopeLevel = z.infer<typeof scopeLevelSchema>;

export const householdCategorySchema = z.enum(['lifted', 'monitored', 'ordinary']);
export type HouseholdCategory = z.infer<typeof householdCategorySchema>;
export const householdCategoryLabels: Record<HouseholdCategory, string> = {
  lifted: '脱贫户',
  monitored: '监测户',
  ordinary: '一般农户',
};
