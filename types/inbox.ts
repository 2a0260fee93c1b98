import { z } from 'zod';
import { idSchema, instantSchema, pageInputSchema, pageOf } from './common';
import { defineAction, defineFunction } from './contract';

export const inboxMessageSchema = z.object({
  id: idSchema,
  title: z.string(),
  body: z.string(),
  /** A mini-program page path the message leads to, e.g. /cadre/review-wishes/index. */
  link: z.string().nullable(),
  createdAt: instantSchema,
  read: z.boolean(),
});
export type InboxMessage = z.infer<typeof inboxMessageSchema>;

export const inboxContract = defineFunction({
  name: 'inbox',
  actions: {
    list: defineAction({
      input: pageInputSchema.strict(),
      output: pageOf(inboxMessageSchema).extend({ unread: z.number().int().min(0) }),
      errors: [],
      access: ['villager', 'helper', 'cadre', 'office'],
    }),
    markRead: defineAction({
      input: z.object({ ids: z.array(idSchema).min(1).max(50) }).strict(),
      output: z.object({ updated: z.number().int().min(0) }),
      errors: [],
      access: ['villager', 'helper', 'cadre', 'office'],
    }),
  },
});
