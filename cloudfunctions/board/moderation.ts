import type { boardContract } from '../../types/board';
import { reportReasonLabels } from '../../types/board';
import { DomainError } from '../core/domain/errors';
import type { ActionsOf } from '../core/handler/define';
import type { Deps } from '../core/handler/deps';
import { isStoreError, type Patch } from '../core/ports/store';
import type { BoardHistoryEntry, BoardPostRecord, MemberRecord } from '../core/records';
import { canSeePost, isVillageCadre, reportsHide, sortKeyOf } from './rules';
import { excerpt, tell, viewOf, villageCadres } from './view';

const ROUNDS = 3;

/**
 * Changes one post in a transaction: read it, let `change` decide (or refuse), write the patch.
 * A post the caller may not see is BOARD.NOT_FOUND, as if it did not exist, whatever the village.
 */
async function changePost<R>(
  deps: Deps,
  id: string,
  caller: MemberRecord,
  change: (post: BoardPostRecord) => { patch: Patch<BoardPostRecord> | null; result: R },
): Promise<{ before: BoardPostRecord; after: BoardPostRecord; result: R }> {
  for (let round = 1; ; round++) {
    try {
      return await deps.store.transaction(async (tx) => {
        const before = await tx.get('boardPosts', id);
        if (!before || !canSeePost(before, caller)) throw new DomainError('BOARD.NOT_FOUND');
        const { patch, result } = change(before);
        if (patch) await tx.update('boardPosts', id, patch);
        return { before, after: { ...before, ...patch }, result };
      });
    } catch (e) {
      if (!isStoreError(e, 'CONFLICT') || round >= ROUNDS) throw e;
    }
  }
}

/** Moderation is for the cadres of the post's village; to anyone else the post is not there. */
function asVillageCadre(post: BoardPostRecord, caller: MemberRecord): void {
  if (!isVillageCadre(caller, post.villageId)) throw new DomainError('BOARD.NOT_FOUND');
}

type Act = 'hide' | 'restore' | 'delete';
const labels: Record<Act, string> = { hide: '隐藏', restore: '恢复', delete: '删除' };

/** The status an item takes, or null when the act changes nothing (hiding a hidden post). */
function nextStatus(status: BoardPostRecord['status'], act: Act): BoardPostRecord['status'] | null {
  if (status === 'deleted') return null;
  if (act === 'hide') return status === 'hidden' ? null : 'hidden';
  if (act === 'restore') return status === 'visible' ? null : 'visible';
  return 'deleted';
}

/** Reports, and what a village's cadres do about posts: hide, restore, delete, pin. */
export const moderationActions = {
  async report({ postId, reason }, { deps, now, caller }) {
    const at = now.toISOString();
    const { after, result: hidden } = await changePost(deps, postId, caller, (post) => {
      // Your own words you ask a cadre to take down; reporting them would count you against yourself.
      if (post.authorId === caller._id) throw new DomainError('COMMON.FORBIDDEN', 'one does not report one’s own post');
      if (post.reports.some((r) => r.by === caller._id)) throw new DomainError('BOARD.ALREADY_REPORTED');
      const reported = { ...post, reports: [...post.reports, { by: caller._id, reason, at }] };
      const hide = reportsHide(reported);
      const history: BoardHistoryEntry[] = [
        ...post.history,
        { at, by: caller._id, action: 'report', replyId: null, note: reportReasonLabels[reason] },
        ...(hide ? [{ at, by: 'system', action: 'hide' as const, replyId: null, note: '多人举报，等待干部审核' }] : []),
      ];
      return {
        patch: { reports: reported.reports, history, updatedAt: at, ...(hide ? { status: 'hidden' as const } : {}) },
        result: hide,
      };
    });
    if (hidden) {
      const event = { postId, what: 'hidden-by-reports', at, by: 'system' };
      const author = await deps.store.collection('members').get(after.authorId);
      await Promise.all([
        author &&
          tell(deps, [author], event, {
            title: '您的留言被暂时隐藏',
            body: `您的留言${excerpt(after.text)}被多位村民举报，已暂时隐藏，驻村干部看过后会处理。`,
          }),
        tell(deps, await villageCadres(deps, after.villageId), event, {
          title: '留言被举报隐藏',
          body: `留言${excerpt(after.text)}被 ${after.reports.length} 人举报，已暂时隐藏，请您审核：恢复或删除。`,
        }),
      ]);
    }
    return { hidden };
  },

  async moderate({ postId, action, replyId, note }, { deps, now, caller }) {
    const at = now.toISOString();
    const entry: BoardHistoryEntry = { at, by: caller._id, action, replyId: replyId ?? null, note: note ?? null };
    const { after, result } = await changePost(deps, postId, caller, (post) => {
      asVillageCadre(post, caller);
      const reviewed = action === 'delete' ? {} : { reviewedAt: at };
      if (replyId) {
        const reply = post.replies.find((r) => r.id === replyId);
        if (!reply || reply.status === 'deleted') throw new DomainError('BOARD.NOT_FOUND');
        const status = nextStatus(reply.status, action);
        if (!status) return { patch: null, result: null };
        const replies = post.replies.map((r) => (r.id === replyId ? { ...r, status } : r));
        return {
          patch: { replies, history: [...post.history, entry], updatedAt: at },
          result: { authorId: reply.authorId, text: reply.text, from: reply.status },
        };
      }
      const status = nextStatus(post.status, action);
      if (!status) return { patch: null, result: null };
      return {
        patch: { status, listed: status !== 'deleted', history: [...post.history, entry], updatedAt: at, ...reviewed },
        result: { authorId: post.authorId, text: post.text, from: post.status },
      };
    });
    if (result) {
      const target = await deps.store.collection('members').get(result.authorId);
      const what = replyId ? '回复' : '留言';
      if (target && action !== 'restore') {
        await tell(
          deps,
          [target],
          { postId, what: `${action}:${replyId ?? 'post'}`, at, by: caller._id },
          {
            title: `您的${what}已被${labels[action]}`,
            body: `您的${what}${excerpt(result.text)}已被驻村干部${labels[action]}${note ? `：${note}` : '。'}`,
          },
        );
      }
      // A held reply released: its post's author hears of it now, as they would have when it was written.
      if (target && action === 'restore' && replyId && result.from === 'held') {
        const postAuthor = await deps.store.collection('members').get(after.authorId);
        if (postAuthor && postAuthor._id !== result.authorId) {
          await tell(
            deps,
            [postAuthor],
            { postId, what: `reply:${replyId}`, at, by: result.authorId },
            {
              title: '有人回复了您的留言',
              body: `您的留言${excerpt(after.text)}有了新回复：${excerpt(result.text)}`,
            },
          );
        }
      }
    }
    return { post: after.status === 'deleted' ? null : await viewOf(deps, after, caller) };
  },

  async pin({ postId, pinned }, { deps, now, caller }) {
    const at = now.toISOString();
    const { after } = await changePost(deps, postId, caller, (post) => {
      asVillageCadre(post, caller);
      if (post.pinned === pinned) return { patch: null, result: null };
      const entry: BoardHistoryEntry = { at, by: caller._id, action: pinned ? 'pin' : 'unpin', replyId: null, note: null };
      return {
        patch: { pinned, sortKey: sortKeyOf(pinned, post.createdAt), history: [...post.history, entry], updatedAt: at },
        result: null,
      };
    });
    return viewOf(deps, after, caller);
  },
} satisfies Partial<ActionsOf<typeof boardContract>>;
