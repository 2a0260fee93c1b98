import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { routes } from '../../../types/routes';
import NoticeBar from '../../components/notice-bar';
import PageShell from '../../components/page-shell';
import StateView from '../../components/state-view';
import TabBar, { type HomeTab as Tab } from '../../components/tab-bar';
import { useRefreshOnReturn } from '../../hooks/use-cloud';
import { needsDevIdentity } from '../../services/navigate';
import HomeTab from './home-tab';
import InboxTab from './inbox-tab';
import MeTab from './me-tab';
import { useHome } from './use-home';
import './index.scss';

/** The tab a link asked for, e.g. a notification's `?tab=inbox`. */
function tabFromLaunch(): Tab {
  const tab = Taro.getCurrentInstance?.()?.router?.params?.tab;
  return tab === 'inbox' || tab === 'me' ? tab : 'home';
}

const tabTitles: Record<Tab, string> = { home: '暖心驻村', inbox: '消息', me: '我的' };

export default function Index() {
  const home = useHome();
  const [tab, setTab] = useState<Tab>(tabFromLaunch);
  useRefreshOnReturn(home.reload);

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: tabTitles[tab] });
  }, [tab]);

  useEffect(() => {
    if (needsDevIdentity()) void Taro.redirectTo({ url: routes.devLogin });
    else if (home.unbound) void Taro.redirectTo({ url: routes.bind });
  }, [home.unbound]);

  const { profile } = home;
  if (!profile) {
    return (
      <PageShell>
        <StateView loading={home.loading} error={home.error} onRetry={home.reload} />
      </PageShell>
    );
  }
  return (
    <PageShell className="home with-tab-bar">
      {home.error && (
        <View onClick={home.reload}>
          <NoticeBar kind="offline">{home.error} 显示的是上次的内容，点这里重试。</NoticeBar>
        </View>
      )}
      {tab === 'home' && <HomeTab profile={profile} unread={home.unread} onOpenInbox={() => setTab('inbox')} />}
      {tab === 'inbox' && <InboxTab onRead={home.readOne} />}
      {tab === 'me' && <MeTab profile={profile} />}
      <TabBar value={tab} unread={home.unread} onChange={setTab} />
    </PageShell>
  );
}
