import { z } from 'zod';
import { idSchema, instantSchema, pageInputSchema, pageOf, requestIdSchema, roleSchema, scopeLevelSchema } from './common';
import { defineAction, defineFunction } from './contract';
import { inviteCodeSchema } from './invite-code';

export const profileSchema = z.object({
  memberId: idSchema,
  role: roleSchema,
  name: z.string(),
  /** The area the role acts in: a village for villagers, helpers and cadres; a township or county for offices. */
  scope: z.object({ level: scopeLevelSchema, id: idSchema, name: z.string() }),
  villageId: idSchema.nullable(),
  villageName: z.string().nullable(),
  householdId: idSchema.nullable(),
});
export type Profile = z.infer<typeof profileSchema>;

export const whoamiOutput = z.discriminatedUnion('bound', [
  z.object({ bound: z.literal(false) }),
  z.object({ bound: z.literal(true), profile: profileSchema }),
]);

export const rosterEntrySchema = z.object({
  memberId: idSchema,
  name: z.string(),
  role: roleSchema,
  villageName: z.string().nullable(),
  /** e.g. "三组 12 号" for villagers; the sending unit for helpers and cadres. */
  detail: z.string(),
  bound: z.boolean(),
  /** A villager's household, for a cadre recording a wish for it (代录心愿); null for staff. */
  householdId: idSchema.nullable(),
});
export type RosterEntry = z.infer<typeof rosterEntrySchema>;

/**
 * A name to look for in the roster: the people whose names start with it (王 finds 王秀兰).
 * Names are stored as the roster gave them, so the query is only trimmed, never rewritten.
 */
export const rosterNameQuery = z.string().trim().min(1, '请输入要找的姓名').max(20, '姓名最多输入 20 个字');

/** A picture as a data URL (`data:image/png;base64,…`; WeChat's 小程序码 come as JPEG), for an <Image src>. */
export const imageDataUrlSchema = z.string().regex(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+={0,2}$/);

export const inviteQrOutput = z.object({
  code: z.string(),
  memberName: z.string(),
  expiresAt: instantSchema,
  /** The bind page with the code, for onShareAppMessage: /pages/bind/index?code=ABCD2345. */
  path: z.string(),
  image: imageDataUrlSchema,
});

export const usersContract = defineFunction({
  name: 'users',
  actions: {
    whoami: defineAction({
      input: z.object({}).strict(),
      output: whoamiOutput,
      errors: [],
      access: 'anyone',
    }),
    bind: defineAction({
      input: z.object({ code: inviteCodeSchema }).strict(),
      output: profileSchema,
      errors: ['USER.ALREADY_BOUND', 'INVITE.NOT_FOUND', 'INVITE.EXPIRED', 'INVITE.USED', 'MEMBER.ALREADY_BOUND'],
      access: 'anyone',
    }),
    roster: defineAction({
      input: pageInputSchema.extend({ unboundOnly: z.boolean().optional(), name: rosterNameQuery.optional() }).strict(),
      output: pageOf(rosterEntrySchema),
      errors: [],
      access: ['cadre', 'office'],
    }),
    issueInvite: defineAction({
      input: z.object({ memberId: idSchema, requestId: requestIdSchema.optional() }).strict(),
      output: z.object({ code: z.string(), expiresAt: instantSchema, memberName: z.string() }),
      errors: ['MEMBER.NOT_FOUND', 'MEMBER.ALREADY_BOUND', 'MEMBER.OUT_OF_SCOPE'],
      access: ['cadre', 'office'],
    }),
    /**
     * A picture of the code that opens the bind page with this invite filled in, for a cadre to
     * show or save: a 小程序码 in WeChat, a QR code of the H5 page in the stand-in. Only for an
     * invite that can still be used, of someone the caller may invite (anyone else's is
     * INVITE.NOT_FOUND, so codes cannot be probed). `path` is the same page for a share card.
     */
    inviteQr: defineAction({
      input: z.object({ code: inviteCodeSchema }).strict(),
      output: inviteQrOutput,
      errors: ['INVITE.NOT_FOUND', 'INVITE.USED', 'INVITE.EXPIRED', 'MEMBER.ALREADY_BOUND', 'INVITE.QR_UNAVAILABLE'],
      access: ['cadre', 'office'],
    }),
    /**
     * Frees a roster entry whose WeChat was lost, changed or bound by mistake, so that
     * the person can bind again with a new invite code. Same reach as issuing invites.
     */
    resetBinding: defineAction({
      input: z.object({ memberId: idSchema }).strict(),
      output: z.object({ memberName: z.string() }),
      errors: ['MEMBER.NOT_FOUND', 'MEMBER.NOT_BOUND', 'MEMBER.OUT_OF_SCOPE'],
      access: ['cadre', 'office'],
    }),
  },
});
