import type { Clock } from '../ports/clock';
import type { Notification, Notifier } from '../ports/notifier';
import { isDuplicateId, type Store } from '../ports/store';
import type { InboxRecord } from '../records';

/**
 * Delivers into the in-app inbox collection: the channel that always works,
 * in the stand-in and in production alike. The dedupe key is the document id,
 * so a second delivery of the same notification is a duplicate write.
 */
export function inboxNotifier(store: Store, clock: Clock): Notifier {
  const inbox = store.collection<InboxRecord>('inbox');
  return {
    async notify(n: Notification): Promise<boolean> {
      try {
        await inbox.add({
          _id: n.dedupeKey,
          to: n.to,
          title: n.title,
          body: n.body,
          link: n.link,
          createdAt: clock.now().toISOString(),
          readAt: null,
        });
        return true;
      } catch (e) {
        if (isDuplicateId(e)) return false;
        throw e;
      }
    },
  };
}
