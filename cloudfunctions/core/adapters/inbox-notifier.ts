import { hashId } from '../ids';
import type { Clock } from '../ports/clock';
import type { Notification, Notifier } from '../ports/notifier';
import { isDuplicateId, type Store } from '../ports/store';

/**
 * Delivers into the in-app inbox collection: the channel that always works,
 * in the stand-in and in production alike. The id is a hash of the dedupe key,
 * so a second delivery of the same notification is a duplicate write.
 */
export function inboxNotifier(store: Store, clock: Clock): Notifier {
  const inbox = store.collection('inbox');
  return {
    async notify(n: Notification): Promise<boolean> {
      try {
        await inbox.add({
          _id: hashId(`inbox:${n.dedupeKey}`),
          dedupeKey: n.dedupeKey,
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
