import { roleLabels } from '../../types';
import type { BoardPost, BoardReply } from '../../types/board';
import { routes } from '../../types/routes';
import { maskName } from '../core/domain/mask';
import type { Deps } from '../core/handler/deps';
import { findAll } from '../core/paging';
import type { BoardPostRecord, BoardReplyRecord, MemberRecord } from '../core/records';
import { canSeePost, canSeeReply, isVillageCadre, openReports } from './rules';

/**
 * A name as the caller reads it: cadres and helpers speak for their office and show their name; a
 * villager's name shows whole to the village's cadres and to themselves, to others as 王**, so a
 * post about a family's trouble does not put the family's name before the whole village.
 */
function nameFor(author: { authorId: string; authorName: string; authorRole: string }, caller: MemberRecord, villageId: string): string {
  if (author.authorRole !== 'villager' || author.authorId === caller._id || isVillageCadre(caller, villageId)) return author.authorName;
  return maskName(author.authorName);
}

function toReplyView(r: BoardReplyRecord, post: BoardPostRecord, caller: MemberRecord): BoardReply {
  return {
    id: r.id,
    text: r.text,
    authorName: nameFor(r, caller, post.villageId),
    official: r.official,
    status: r.status === 'deleted' ? 'hidden' : r.status,
    mine: r.authorId === caller._id,
    createdAt: r.createdAt,
  };
}

/** A post as this caller may see it: the replies they may see, whether they reported it, and the report count for cadres only. */
export function toPostView(post: BoardPostRecord, caller: MemberRecord, photoUrls: string[]): BoardPost {
  return {
    id: post._id,
    text: post.text,
    authorName: nameFor(post, caller, post.villageId),
    authorRole: roleLabels[post.authorRole],
    official: post.official,
    pinned: post.pinned,
    status: post.status === 'deleted' ? 'hidden' : post.status,
    photoUrls,
    replies: post.replies.filter((r) => canSeeReply(r, post, caller)).map((r) => toReplyView(r, post, caller)),
    createdAt: post.createdAt,
    mine: post.authorId === caller._id,
    reported: post.reports.some((r) => r.by === caller._id),
    reportCount: isVillageCadre(caller, post.villageId) ? openReports(post) : 0,
  };
}

/** Views of several posts with their photo links, asked for in one call to the file store. */
export async function viewsOf(deps: Deps, posts: readonly BoardPostRecord[], caller: MemberRecord): Promise<BoardPost[]> {
  const visible = posts.filter((p) => canSeePost(p, caller));
  const all = visible.flatMap((p) => p.photos);
  const urls = all.length ? await deps.files.temporaryUrls(all) : [];
  let at = 0;
  return visible.map((p) => {
    const mine = urls.slice(at, at + p.photos.length);
    at += p.photos.length;
    // A photo the store no longer has comes back as ''; the post leaves it out.
    return toPostView(
      p,
      caller,
      mine.filter((u) => u !== ''),
    );
  });
}

export async function viewOf(deps: Deps, post: BoardPostRecord, caller: MemberRecord): Promise<BoardPost> {
  const urls = post.photos.length ? await deps.files.temporaryUrls(post.photos) : [];
  return toPostView(
    post,
    caller,
    urls.filter((u) => u !== ''),
  );
}

export const villageCadres = (deps: Deps, villageId: string): Promise<MemberRecord[]> =>
  findAll(deps.store.collection('members'), { role: 'cadre', villageId });

/** The first words of a post, for a notification: enough to know which one, never the whole text. */
export const excerpt = (text: string): string => {
  const chars = Array.from(text);
  return `「${chars.length > 20 ? `${chars.slice(0, 20).join('')}…` : text}」`;
};

/**
 * Tells each recipient once about one event of a post: the key names the post, the event and its
 * instant and the recipient, so a retried request stores nothing twice. Nobody is told of their own doing.
 */
export async function tell(
  deps: Deps,
  to: readonly Pick<MemberRecord, '_id' | 'openid'>[],
  event: { postId: string; what: string; at: string; by: string },
  message: { title: string; body: string },
): Promise<number> {
  const sent = await Promise.all(
    to
      .filter((m) => m._id !== event.by)
      .map((m) =>
        deps.notifier.notify({
          ...message,
          link: routes.board,
          to: m._id,
          openid: m.openid,
          dedupeKey: `board:${event.postId}:${event.what}:${event.at}:${m._id}`,
        }),
      ),
  );
  return sent.filter(Boolean).length;
}
