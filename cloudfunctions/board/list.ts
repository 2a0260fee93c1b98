import type { boardContract } from '../../types/board';
import type { Cursor } from '../../types';
import { DomainError } from '../core/domain/errors';
import type { ActionsOf } from '../core/handler/define';
import type { Deps } from '../core/handler/deps';
import { keysetPage } from '../core/paging';
import { MAX_PAGE } from '../core/ports/store';
import type { BoardPostRecord, MemberRecord } from '../core/records';
import { isVillageCadre } from './rules';
import { viewsOf } from './view';

const bySortKey = { field: 'sortKey', direction: 'desc' } as const;

/** Whether (key, id) comes after the cursor in the list's order (descending, ties by _id descending). */
const afterCursor = (p: BoardPostRecord, cursor: Cursor | undefined): boolean =>
  !cursor || p.sortKey < String(cursor[0]) || (p.sortKey === cursor[0] && p._id < cursor[1]);

/** Whether it comes no later than the page's last item. */
const notBeyond = (p: BoardPostRecord, last: BoardPostRecord | undefined): boolean =>
  !last || p.sortKey > last.sortKey || (p.sortKey === last.sortKey && p._id >= last._id);

/**
 * The caller's own held and hidden posts that fall within this page of visible ones: the store has
 * no OR across fields, so they are a second query, on the author, merged in where they sort. A
 * person has few of them; one read of up to 100 covers them.
 */
async function ownWithin(deps: Deps, caller: MemberRecord, cursor: Cursor | undefined, last: BoardPostRecord | undefined, open: boolean) {
  const where = {
    authorId: caller._id,
    status: { $in: ['held' as const, 'hidden' as const] },
    ...(cursor ? { sortKey: { $lte: String(cursor[0]) } } : {}),
  };
  const mine = await deps.store.collection('boardPosts').find(where, { orderBy: [bySortKey], limit: MAX_PAGE });
  return mine.filter((p) => p.villageId === caller.villageId && afterCursor(p, cursor) && (open || notBeyond(p, last)));
}

const newestFirst = (a: BoardPostRecord, b: BoardPostRecord): number =>
  a.sortKey === b.sortKey ? (a._id < b._id ? 1 : -1) : a.sortKey < b.sortKey ? 1 : -1;

/** The caller's village's board, pinned first, then newest; each post as this caller may see it. */
export const listActions = {
  async list(input, { deps, caller }) {
    const villageId = caller.villageId;
    if (!villageId) throw new DomainError('COMMON.FORBIDDEN', 'a board member without a village');
    const village = await deps.store.collection('villages').get(villageId);
    const cadre = isVillageCadre(caller, villageId);
    const posts = deps.store.collection('boardPosts');
    // A cadre sees every post not deleted; anyone else the visible ones, and their own held or hidden ones.
    const page = cadre
      ? await keysetPage(posts, { villageId, listed: true }, bySortKey, input)
      : await keysetPage(posts, { villageId, status: 'visible' }, bySortKey, input);
    const items = cadre
      ? page.items
      : [...page.items, ...(await ownWithin(deps, caller, input.cursor, page.items[page.items.length - 1], page.nextCursor === null))].sort(
          newestFirst,
        );
    return {
      items: await viewsOf(deps, items, caller),
      nextCursor: page.nextCursor,
      villageName: village?.name ?? '',
      canModerate: cadre,
    };
  },
} satisfies Partial<ActionsOf<typeof boardContract>>;
