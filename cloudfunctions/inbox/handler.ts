import { inboxContract } from '../../types';
import { defineHandler } from '../core/handler/define';
import type { InboxRecord } from '../core/records';

export const inboxHandler = defineHandler(inboxContract, {
  async list({ cursor = 0, limit = 20 }, { deps, caller }) {
    const inbox = deps.store.collection<InboxRecord>('inbox');
    const found = await inbox.find({ to: caller._id }, { orderBy: [{ field: 'createdAt', direction: 'desc' }], limit: limit + 1, skip: cursor });
    return {
      items: found.slice(0, limit).map((m) => ({
        id: m._id,
        title: m.title,
        body: m.body,
        link: m.link,
        createdAt: m.createdAt,
        read: m.readAt !== null,
      })),
      nextCursor: found.length > limit ? cursor + limit : null,
      unread: await inbox.count({ to: caller._id, readAt: null }),
    };
  },

  /** Only the recipient's own unread messages change; anyone else's ids are silently ignored. */
  async markRead({ ids }, { deps, now, caller }) {
    const inbox = deps.store.collection<InboxRecord>('inbox');
    let updated = 0;
    for (const id of new Set(ids)) {
      updated += await inbox.updateIf(id, { to: caller._id, readAt: null }, { readAt: now.toISOString() });
    }
    return { updated };
  },
});
