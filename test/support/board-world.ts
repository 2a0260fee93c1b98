import { randomUUID } from 'node:crypto';
import { boardHandler as board } from '../../cloudfunctions/board/handler';
import type { BoardPost } from '../../types/board';
import { dataOf, makeWorld, type Person, type World } from './world';

export { board };

/** The world of test/support/world.ts with the board's calls as sentences: A is 杏花村, B 柳溪村. */
export interface BoardWorld extends World {
  /** Posts a minute after the last call. */
  post(who: Person, text: string, extra?: Record<string, unknown>): Promise<BoardPost>;
  reply(who: Person, postId: string, text: string): Promise<BoardPost>;
  list(
    who: Person,
    input?: Record<string, unknown>,
  ): Promise<{ items: BoardPost[]; nextCursor: string | null; villageName: string; canModerate: boolean }>;
  /** Every post the person sees, page by page. */
  listAll(who: Person, limit?: number): Promise<BoardPost[]>;
  /** Moves the clock a minute on, so that what comes next is later. */
  tick(): void;
  /** Titles of what the member's inbox holds, oldest first. */
  inboxOf(memberId: string): Promise<string[]>;
}

export async function makeBoardWorld(): Promise<BoardWorld> {
  const w = await makeWorld();
  // Each post and reply a minute after the one before, so the story has an order.
  const tick = () => w.clock.set(new Date(w.clock.now().getTime() + 60_000).toISOString());
  const list: BoardWorld['list'] = async (who, input = {}) => dataOf(await w.call(board, who, 'list', input));
  return {
    ...w,
    tick,
    post: async (who, text, extra = {}) => (tick(), dataOf(await w.call(board, who, 'post', { text, requestId: randomUUID(), ...extra }))),
    reply: async (who, postId, text) => (tick(), dataOf(await w.call(board, who, 'reply', { postId, text, requestId: randomUUID() }))),
    list,
    async listAll(who, limit = 2) {
      const all: BoardPost[] = [];
      let cursor: string | null = null;
      do {
        const page = await list(who, { limit, ...(cursor ? { cursor } : {}) });
        all.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      return all;
    },
    async inboxOf(memberId) {
      const rows = await w.store.collection('inbox').find({ to: memberId }, { orderBy: [{ field: 'createdAt', direction: 'desc' }] });
      return rows.map((r) => r.title).reverse();
    },
  };
}
