import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect } from 'react';
import { roleLabels } from '../../../types';
import PageShell from '../../components/page-shell';
import StateView from '../../components/state-view';
import { useLoad, useRefreshOnReturn } from '../../hooks/use-cloud';
import { callCloud } from '../../services/cloud';
import { go, needsDevIdentity } from '../../services/navigate';
import './index.scss';

async function loadHome() {
  const me = await callCloud('users', 'whoami', {});
  if (!me.bound) return { me, unread: 0 };
  const inbox = await callCloud('inbox', 'list', { limit: 1 });
  return { me, unread: inbox.unread };
}

export default function Index() {
  const home = useLoad(loadHome);
  useRefreshOnReturn(home.reload);

  const unbound = home.data?.me.bound === false;
  useEffect(() => {
    if (needsDevIdentity()) void Taro.redirectTo({ url: '/pages/dev-login/index' });
    else if (unbound) void Taro.redirectTo({ url: '/pages/bind/index' });
  }, [unbound]);

  const me = home.data?.me;
  if (!me || !me.bound) {
    return (
      <PageShell>
        <StateView loading={home.loading} error={home.error} onRetry={home.reload} />
      </PageShell>
    );
  }
  const { profile } = me;
  const unread = home.data?.unread ?? 0;
  return (
    <PageShell className="home">
      <View className="card">
        <Text className="title">{profile.name}，您好</Text>
        <View className="muted">
          {roleLabels[profile.role]} · {profile.scope.name}
        </View>
      </View>
      {profile.role === 'villager' && (
        <View>
          <Button className="big-button" onClick={go('/pages/wish-new/index')}>
            许个心愿
          </Button>
          <Button className="big-button secondary" onClick={go('/pages/my-wishes/index')}>
            我的心愿
          </Button>
        </View>
      )}
      {profile.role === 'cadre' && (
        <Button className="big-button" onClick={go('/pages/review-wishes/index')}>
          待审核心愿
        </Button>
      )}
      {(profile.role === 'cadre' || profile.role === 'office') && (
        <Button className="big-button secondary" onClick={go('/pages/invite/index')}>
          发放邀请码
        </Button>
      )}
      <Button className="big-button secondary" onClick={go('/pages/inbox/index')}>
        {unread > 0 ? `消息（${unread} 条未读）` : '消息'}
      </Button>
      <Button className="big-button secondary" onClick={go('/pages/settings/index')}>
        字号设置
      </Button>
      {process.env.TARO_ENV === 'h5' && (
        <Button className="big-button secondary" onClick={() => void Taro.redirectTo({ url: '/pages/dev-login/index' })}>
          切换演示用户
        </Button>
      )}
    </PageShell>
  );
}
