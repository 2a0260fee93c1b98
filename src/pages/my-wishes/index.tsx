import { Button, Text, View } from '@tarojs/components';
import { wishCategoryLabels, wishStatusLabels, type OwnWish } from '../../../types';
import PageShell from '../../components/page-shell';
import PagedList from '../../components/paged-list';
import { usePaged, useRefreshOnReturn } from '../../hooks/use-cloud';
import { callCloud } from '../../services/cloud';
import { formatTime } from '../../services/format';
import { go } from '../../services/navigate';

export default function MyWishes() {
  const list = usePaged((page) => callCloud('wishes', 'mine', page));
  useRefreshOnReturn(list.reload);
  return (
    <PageShell>
      <PagedList<OwnWish>
        list={list}
        emptyText="您还没有提交过心愿。家里缺什么、需要帮什么忙，都可以写下来。"
        emptyAction={
          <Button className="big-button" onClick={go('/pages/wish-new/index')}>
            许个心愿
          </Button>
        }
        keyOf={(w) => w.id}
        render={(w) => (
          <View className="card wish">
            <View>
              <Text className="badge">{wishStatusLabels[w.status]}</Text>
              <Text className="small muted">
                {' '}
                {wishCategoryLabels[w.category]} · {formatTime(w.createdAt)}
              </Text>
            </View>
            <View>{w.text}</View>
          </View>
        )}
      />
    </PageShell>
  );
}
