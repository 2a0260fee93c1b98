import { View } from '@tarojs/components';
import { useCallback, useState } from 'react';
import { boardContract, type BoardPost } from '../../../types/board';
import BigButton from '../../components/big-button';
import { useOverlay } from '../../components/overlay/use-overlay';
import PageShell from '../../components/page-shell';
import PagedList from '../../components/paged-list';
import { usePaged, useRefreshOnReturn } from '../../hooks/use-cloud';
import { readSavedCopy } from '../../hooks/saved-copy';
import { callCloud } from '../../services/cloud';
import Composer from '../composer';
import { arrange } from '../marks';
import PostCard from '../post-card';
import './index.scss';

/** The first page is kept on the phone under this name, with the village's name, for reading offline. */
const CACHE = 'board';

interface Board {
  villageName: string;
  canModerate: boolean;
}

/**
 * 留言板: the caller's village's message board. A composer on top, then the posts, pinned first.
 * What is written or changed here shows at once; the next read of the list replaces it.
 */
export default function BoardPage() {
  const overlay = useOverlay();
  const [board, setBoard] = useState<Board | null>(() => readSavedCopy<Board>(CACHE)?.data ?? null);
  const [added, setAdded] = useState<BoardPost[]>([]);
  const [changed, setChanged] = useState<ReadonlyMap<string, BoardPost | null>>(new Map());

  const list = usePaged(
    async (page) => {
      const answer = await callCloud(boardContract, 'list', page);
      if (page.cursor === undefined) {
        setBoard({ villageName: answer.villageName, canModerate: answer.canModerate });
        setAdded([]);
        setChanged(new Map());
      }
      return answer;
    },
    { cacheKey: CACHE },
  );
  useRefreshOnReturn(list.reload);

  const change = useCallback((id: string, post: BoardPost | null) => setChanged((m) => new Map(m).set(id, post)), []);
  const posts = arrange(list.items, added, changed);
  const canModerate = board?.canModerate ?? false;

  return (
    <PageShell className="board" title={board ? `${board.villageName}留言板` : '留言板'} overlay={overlay}>
      <Composer overlay={overlay} onPosted={(post) => setAdded((a) => [post, ...a])} />
      <View className="board-list-head">
        <View className="title board-list-title">大家的留言</View>
        <BigButton kind="secondary" className="board-refresh" label="刷新留言" busy={list.loading} busyText="正在刷新…" onTap={list.reload}>
          刷新
        </BigButton>
      </View>
      <PagedList<BoardPost>
        list={{ ...list, items: posts }}
        emptyText="还没有人留言，来说第一句吧"
        keyOf={(p) => p.id}
        render={(p) => <PostCard post={p} canModerate={canModerate} overlay={overlay} onChanged={(now) => change(p.id, now)} />}
      />
    </PageShell>
  );
}
