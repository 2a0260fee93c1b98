import { inboxContract } from '../../types';
import { defineHandler } from '../core/handler/define';
import { keysetPage } from '../core/paging';

export const inboxHandler = defineHandler(inboxContract, {
  async list(input, { deps, caller }) {
    const inbox = deps.store.collection('inbox');
    const [page, unread] = await Promise.all([
      keysetPage(inbox, { to: caller._id }, { field: 'createdAt', direction: 'desc' }, input),
      inbox.count({ to: caller._id, readAt: null }),
    ]);
    return {
      items: page.items.map((m) => ({
        id: m._id,
        title: m.title,
        body: m.body,
        link: m.link,
        createdAt: m.createdAt,
        read: m.readAt !== null,
      })),
      nextCursor: page.nextCursor,
      unread,
    };
  },

  /** Only the recipient's own unread messages change; anyone else's ids are silently ignored. */
  async markRead({ ids }, { deps, now, caller }) {
    const inbox = deps.store.collection('inbox');
    const changed = await Promise.all(
      [...new Set(ids)].map((id) => inbox.updateIf(id, { to: caller._id, readAt: null }, { readAt: now.toISOString() })),
    );
    return { updated: changed.reduce<number>((n, c) => n + c, 0) };
  },
});
