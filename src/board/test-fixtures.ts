import type { BoardPost, BoardReply } from '../../types/board';

/** A visible post by a villager of the caller's village, changed by `patch`. */
export const aPost = (patch: Partial<BoardPost> = {}): BoardPost => ({
  id: 'p1',
  text: '村口的路灯坏了，晚上走路看不见',
  authorName: '王秀兰',
  authorRole: '村民',
  official: false,
  pinned: false,
  status: 'visible',
  photoUrls: [],
  replies: [],
  createdAt: '2026-11-24T02:00:00.000Z',
  mine: false,
  reported: false,
  reportCount: 0,
  ...patch,
});

/** A visible reply by a villager, changed by `patch`. */
export const aReply = (patch: Partial<BoardReply> = {}): BoardReply => ({
  id: 'r1',
  text: '我家门口的也坏了',
  authorName: '李德福',
  official: false,
  status: 'visible',
  mine: false,
  createdAt: '2026-11-24T03:00:00.000Z',
  ...patch,
});
