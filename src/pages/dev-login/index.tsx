import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { roleLabels, type Role } from '../../../types/common';
import BigButton from '../../components/big-button';
import PageShell from '../../components/page-shell';
import StateView from '../../components/state-view';
import { useLoad } from '../../hooks/use-cloud';
import { fetchDevUsers, newWechatOpenid, setDevOpenid, type DevUser } from '../../services/dev-identity';

const roleOrder: Role[] = ['villager', 'helper', 'cadre', 'office'];

function groupByPlace(users: DevUser[]): [string, DevUser[]][] {
  const groups = new Map<string, DevUser[]>();
  for (const u of users) {
    const place = u.villageName ?? '乡镇 / 县';
    groups.set(place, [...(groups.get(place) ?? []), u]);
  }
  for (const list of groups.values()) list.sort((a, b) => roleOrder.indexOf(a.role) - roleOrder.indexOf(b.role));
  return [...groups.entries()];
}

/** The stand-in's demo-user picker: plays the WeChat identity a real phone would bring. */
export default function DevLogin() {
  const users = useLoad(fetchDevUsers);
  const choose = (openid: string) => {
    setDevOpenid(openid);
    void Taro.reLaunch({ url: '/pages/index/index' });
  };

  if (users.data === null && !users.loading) {
    return (
      <PageShell>
        <View className="card">演示用户只在本地演示服务器上提供。请在微信中打开小程序。</View>
      </PageShell>
    );
  }
  return (
    <PageShell className="dev-login">
      <View className="muted">本地演示：选择一位演示用户进入，相当于用他的微信打开小程序。</View>
      <StateView loading={users.loading} error={users.error} onRetry={users.reload} />
      {groupByPlace(users.data ?? []).map(([place, list]) => (
        <View key={place} className="card">
          <View className="title">{place}</View>
          {list.map((u) => (
            <BigButton key={u.openid} kind="secondary" onTap={() => choose(u.openid)}>
              {u.name}
              <Text className="small">（{roleLabels[u.role]}）</Text>
            </BigButton>
          ))}
        </View>
      ))}
      <BigButton onTap={() => choose(newWechatOpenid())}>新微信用户（未绑定）</BigButton>
    </PageShell>
  );
}
