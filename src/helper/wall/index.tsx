import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { routes, wishCategoryLabels, wishLink, type WallWish, type WishCategory } from '../../../types';
import Chips from '../../components/chips';
import PageShell from '../../components/page-shell';
import PagedList from '../../components/paged-list';
import Tabs from '../../components/tabs';
import { usePaged, useRefreshOnReturn } from '../../hooks/use-cloud';
import { callCloud } from '../../services/cloud';
import WishCard from '../wish-card';
import './index.scss';
import { wishesContract } from '../../../types/wishes';

type CategoryFilter = WishCategory | 'all';
type Sort = 'newest' | 'longest_waiting';

const categoryOptions = [
  { value: 'all' as const, label: '全部' },
  ...(Object.entries(wishCategoryLabels) as [WishCategory, string][]).map(([value, label]) => ({ value, label })),
];
const sorts = [
  { key: 'newest', label: '最新' },
  { key: 'longest_waiting', label: '等得最久' },
] as const;

function WallList({ category, sort }: { category: CategoryFilter; sort: Sort }) {
  const list = usePaged((page) => callCloud(wishesContract, 'wall', { ...page, sort, ...(category === 'all' ? {} : { category }) }), {
    cacheKey: `wish-wall:${category}:${sort}`,
  });
  // Back from a wish just claimed: it is no longer on the wall.
  useRefreshOnReturn(list.reload);
  return (
    <PagedList<WallWish>
      list={list}
      emptyText={category === 'all' ? '心愿墙上暂时没有等待认领的心愿' : `没有等待认领的“${wishCategoryLabels[category]}”心愿`}
      keyOf={(w) => w.id}
      render={(w) => <WishCard wish={w} onOpen={() => void Taro.navigateTo({ url: wishLink(routes.wish, w.id) })} />}
    />
  );
}

/** 心愿墙: published wishes waiting for someone to claim them, within the caller's reach. */
export default function WishWall() {
  const [category, setCategory] = useState<CategoryFilter>('all');
  const [sort, setSort] = useState<Sort>('newest');
  return (
    <PageShell className="wish-wall">
      <View className="muted intro">点开一个心愿，看清楚后可以认领。认领后请在期限内送达。</View>
      <Chips label="按类别筛选" options={categoryOptions} value={category} onChange={setCategory} />
      <Tabs tabs={sorts} value={sort} onChange={setSort} />
      <WallList key={`${category}:${sort}`} category={category} sort={sort} />
    </PageShell>
  );
}
