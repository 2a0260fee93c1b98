import { z } from 'zod';
import { householdCategoryLabels, householdCategorySchema } from './common';

/**
 * The roster an office loads into an environment before anyone can bind: the
 * county's townships, villages, households and the people who use the app.
 * Ids are the operator's own (household numbers from the monitoring system,
 * say), so loading the same roster twice finds what it already wrote.
 */
const rosterId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'id 只能由字母、数字、- 和 _ 组成，最长 64 位');
const name = z.string().trim().min(1, '姓名或名称不能为空').max(40);
const phone = z
  .string()
  .trim()
  .regex(/^[0-9+\- ]{5,20}$/, '电话号码格式不对');

export const MAX_PAIRED_HOUSEHOLDS = 5;

/** The agro-regions the farming calendar (config/farming-calendar.json) has advice for. */
export const agroRegions = ['north_china_plain', 'qinghai_plateau'] as const;
export type AgroRegion = (typeof agroRegions)[number];
export const agroRegionLabels: Record<AgroRegion, string> = { north_china_plain: '华北平原', qinghai_plateau: '青海高原' };
/** Villages of a roster written before regions existed farm the North China plain, as the seeds' first county does. */
export const DEFAULT_AGRO_REGION: AgroRegion = 'north_china_plain';
export const agroRegionSchema = z.enum(agroRegions, {
  errorMap: () => ({ message: `农业区只能是 ${agroRegions.map((r) => `${r}（${agroRegionLabels[r]}）`).join('、')}` }),
});

const personSchema = z.object({ id: rosterId, name, phone });

const householdSchema = z.object({
  id: rosterId,
  /** 门牌, e.g. "三组 12 号". */
  address: z.string().trim().min(1).max(60),
  headName: name,
  category: z.enum(householdCategorySchema.options, {
    errorMap: () => ({
      message: `类别只能是 ${householdCategorySchema.options.map((c) => `${c}（${householdCategoryLabels[c]}）`).join('、')}`,
    }),
  }),
  /** 不在村: the family lives away and is visited by phone. */
  livesAway: z.boolean().default(false),
  size: z.number().int().min(1).max(30),
  phone,
  /** Household members who will use the app themselves. */
  members: z.array(personSchema).default([]),
});

const villageSchema = z.object({
  id: rosterId,
  name,
  /** Which farming calendar the village's solar-term notices follow. */
  agroRegion: agroRegionSchema.default(DEFAULT_AGRO_REGION),
  households: z.array(householdSchema),
});
const townshipSchema = z.object({ id: rosterId, name, villages: z.array(villageSchema).min(1) });

const staffSchema = personSchema.extend({
  role: z.enum(['helper', 'cadre', 'office']),
  /** Sending unit (派出单位). */
  unit: z.string().trim().min(1).max(60),
  title: z.string().trim().min(1).max(40),
  /** Where a helper or cadre works; an office with neither villageId nor townshipId acts for the county. */
  villageId: rosterId.optional(),
  townshipId: rosterId.optional(),
  pairedHouseholdIds: z.array(rosterId).max(MAX_PAIRED_HOUSEHOLDS, `每名帮扶责任人最多结对 ${MAX_PAIRED_HOUSEHOLDS} 户`).default([]),
  /** A helper of a provincial department paired through their unit (单位包联), who visits less often (seed 003 第十二条). */
  pairedByOffice: z.boolean().default(false),
});

export type RosterStaff = z.infer<typeof staffSchema>;

export const rosterSchema = z
  .object({
    county: z.object({ id: rosterId, name }),
    townships: z.array(townshipSchema).min(1),
    staff: z.array(staffSchema),
  })
  .superRefine((roster, ctx) => {
    const problem = (message: string, path: (string | number)[]) => ctx.addIssue({ code: z.ZodIssueCode.custom, message, path });
    const places = new Set<string>([roster.county.id]);
    const villageOf = new Map<string, string>();
    const personIds = new Set<string>();
    const seenPerson = (id: string, path: (string | number)[]) => {
      if (personIds.has(id)) problem(`人员 id ${id} 重复`, path);
      personIds.add(id);
    };
    roster.townships.forEach((t, ti) => {
      if (places.has(t.id)) problem(`地区 id ${t.id} 重复`, ['townships', ti, 'id']);
      places.add(t.id);
      t.villages.forEach((v, vi) => {
        if (places.has(v.id)) problem(`地区 id ${v.id} 重复`, ['townships', ti, 'villages', vi, 'id']);
        places.add(v.id);
        v.households.forEach((h, hi) => {
          const at = ['townships', ti, 'villages', vi, 'households', hi];
          if (villageOf.has(h.id)) problem(`农户 id ${h.id} 重复`, [...at, 'id']);
          villageOf.set(h.id, v.id);
          h.members.forEach((m, mi) => seenPerson(m.id, [...at, 'members', mi, 'id']));
        });
      });
    });
    const villages = new Set(roster.townships.flatMap((t) => t.villages.map((v) => v.id)));
    const townships = new Set(roster.townships.map((t) => t.id));
    roster.staff.forEach((s, si) => {
      const at = ['staff', si];
      seenPerson(s.id, [...at, 'id']);
      if (s.role === 'office') {
        if (s.villageId) problem('驻村办人员不属于某个村，请填 townshipId 或不填', [...at, 'villageId']);
        if (s.townshipId && !townships.has(s.townshipId)) problem(`没有乡镇 ${s.townshipId}`, [...at, 'townshipId']);
      } else if (!s.villageId || !villages.has(s.villageId)) {
        problem(`驻村干部和帮扶责任人要填所在村 villageId${s.villageId ? `（没有村 ${s.villageId}）` : ''}`, [...at, 'villageId']);
      }
      if (s.role !== 'helper' && s.pairedHouseholdIds.length > 0) problem('只有帮扶责任人结对农户', [...at, 'pairedHouseholdIds']);
      s.pairedHouseholdIds.forEach((h, hi) => {
        if (villageOf.get(h) !== s.villageId) problem(`结对农户 ${h} 不在该帮扶责任人所在村`, [...at, 'pairedHouseholdIds', hi]);
      });
    });
  });

export type Roster = z.infer<typeof rosterSchema>;
export type RosterInput = z.input<typeof rosterSchema>;
