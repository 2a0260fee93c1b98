import { boardRules, type boardContract } from '../../types/board';
import { maskContacts } from '../core/domain/contact-mask';
import { DomainError } from '../core/domain/errors';
import type { ActionsOf } from '../core/handler/define';
import type { Deps } from '../core/handler/deps';
import { requestDocId } from '../core/ids';
import type { BoardPostRecord, BoardReplyRecord, MemberRecord } from '../core/records';
import { assertUnderLimit, writeCounted } from './counted';
import { canSeePost, sortKeyOf, statusFor } from './rules';
import { excerpt, tell, viewOf, villageCadres } from './view';
import { checkPhotos } from '../core/photos';

/**
 * Text others will read passes the content check first, as a forum's (msgSecCheck scene 3), and
 * after masking: what WeChat reads is what the village would. 'risky' stores and counts nothing.
 */
async function verdictOf(deps: Deps, text: string, openid: string): Promise<'pass' | 'review'> {
  const verdict = await deps.content.check(text, openid, 'forum');
  if (verdict === 'risky') throw new DomainError('CONTENT.REJECTED');
  return verdict;
}

/** The village a board member posts in; every role the contract lets in has one. */
function villageOf(caller: MemberRecord): string {
  if (!caller.villageId) throw new DomainError('COMMON.FORBIDDEN', 'a board member without a village');
  return caller.villageId;
}

/** A retry answers what the first attempt stored, and only to the member who stored it. */
function ownPost(post: BoardPostRecord, caller: MemberRecord): BoardPostRecord {
  if (post.authorId !== caller._id) throw new DomainError('COMMON.INVALID_INPUT', 'request id belongs to another member');
  return post;
}

const author = (caller: MemberRecord) => ({
  authorId: caller._id,
  authorName: caller.name,
  authorRole: caller.role,
  official: caller.role === 'cadre',
});

async function tellCadresHeld(deps: Deps, post: BoardPostRecord, at: string, by: string, what: string, text: string) {
  await tell(
    deps,
    await villageCadres(deps, post.villageId),
    { postId: post._id, what, at, by },
    {
      title: '留言待审核',
      body: `${excerpt(text)}需要您看一看，审核通过后村里人才能看到。`,
    },
  );
}

/** Writing on the board: a new post, or a reply under one. Both count towards the person's limits. */
export const postActions = {
  async post({ text, photos, requestId }, { deps, now, openid, caller }) {
    const id = requestDocId(openid, requestId ?? deps.ids.id());
    const posts = deps.store.collection('boardPosts');
    const earlier = await posts.get(id);
    if (earlier) return viewOf(deps, ownPost(earlier, caller), caller);
    const villageId = villageOf(caller);
    const stored = await checkPhotos(deps, photos ?? []);
    await assertUnderLimit(deps, caller, now);
    const masked = maskContacts(text);
    const status = statusFor(await verdictOf(deps, masked, openid));
    const at = now.toISOString();
    const record: BoardPostRecord = {
      _id: id,
      villageId,
      townshipId: caller.townshipId ?? '',
      countyId: caller.countyId,
      ...author(caller),
      text: masked,
      photos: stored,
      status,
      listed: true,
      pinned: false,
      sortKey: sortKeyOf(false, at),
      replies: [],
      reports: [],
      reviewedAt: null,
      history: [
        { at, by: caller._id, action: 'post', replyId: null, note: null },
        ...(status === 'held' ? [{ at, by: 'system', action: 'held' as const, replyId: null, note: '内容安全检查需要人工审核' }] : []),
      ],
      createdAt: at,
      updatedAt: at,
    };
    const saved = await writeCounted(deps, caller, now, async (tx) => {
      const found = await tx.get('boardPosts', id);
      if (found) return { result: ownPost(found, caller), counted: false };
      await tx.add('boardPosts', record);
      return { result: record, counted: true };
    });
    if (saved === record && status === 'held') await tellCadresHeld(deps, record, at, caller._id, 'held', masked);
    return viewOf(deps, saved, caller);
  },

  async reply({ postId, text, requestId }, { deps, now, openid, caller }) {
    const replyId = requestDocId(openid, requestId ?? deps.ids.id());
    const posts = deps.store.collection('boardPosts');
    const post = await posts.get(postId);
    if (!post || !canSeePost(post, caller)) throw new DomainError('BOARD.NOT_FOUND');
    if (post.replies.some((r) => r.id === replyId && r.authorId === caller._id)) return viewOf(deps, post, caller);
    if (post.replies.length >= boardRules.maxReplies) throw new DomainError('BOARD.REPLIES_FULL');
    await assertUnderLimit(deps, caller, now);
    const masked = maskContacts(text);
    const status = statusFor(await verdictOf(deps, masked, openid));
    const at = now.toISOString();
    const reply: BoardReplyRecord = { id: replyId, ...author(caller), text: masked, status, createdAt: at };
    const { saved, added } = await writeCounted(deps, caller, now, async (tx) => {
      const current = await tx.get('boardPosts', postId);
      if (!current || !canSeePost(current, caller)) throw new DomainError('BOARD.NOT_FOUND');
      if (current.replies.some((r) => r.id === replyId)) return { result: { saved: current, added: false }, counted: false };
      if (current.replies.length >= boardRules.maxReplies) throw new DomainError('BOARD.REPLIES_FULL');
      const history =
        status === 'held'
          ? [...current.history, { at, by: 'system', action: 'held' as const, replyId, note: '内容安全检查需要人工审核' }]
          : current.history;
      const patch = { replies: [...current.replies, reply], history, updatedAt: at };
      await tx.update('boardPosts', postId, patch);
      return { result: { saved: { ...current, ...patch }, added: true }, counted: true };
    });
    if (added && status === 'held') await tellCadresHeld(deps, saved, at, caller._id, `held-reply:${replyId}`, masked);
    if (added && status === 'visible') {
      const postAuthor = await deps.store.collection('members').get(saved.authorId);
      if (postAuthor) {
        await tell(
          deps,
          [postAuthor],
          { postId, what: `reply:${replyId}`, at, by: caller._id },
          {
            title: reply.official ? '干部回复了您的留言' : '有人回复了您的留言',
            body: `您的留言${excerpt(saved.text)}有了新回复：${excerpt(masked)}`,
          },
        );
      }
    }
    return viewOf(deps, saved, caller);
  },
} satisfies Partial<ActionsOf<typeof boardContract>>;
