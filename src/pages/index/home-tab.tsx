import { Text, View } from '@tarojs/components';
import { roleLabels, routes, type Profile } from '../../../types';
import NoticeBar from '../../components/notice-bar';
import ServiceGrid, { type ServiceItem } from '../../components/service-grid';
import { go } from '../../services/navigate';

const wall: ServiceItem = { key: 'wall', label: '心愿墙', icon: 'wish', onTap: go(routes.wishWall) };
const claims: ServiceItem = { key: 'claims', label: '我认领的', icon: 'list', onTap: go(routes.myClaims) };
const ledger: ServiceItem = { key: 'ledger', label: '心愿台账', icon: 'list', onTap: go(routes.ledger) };

/** Each role's services, as big icons with words; only what that role may use. */
function servicesFor(profile: Profile): ServiceItem[] {
  switch (profile.role) {
    case 'villager':
      return [
        { key: 'wish-new', label: '许个心愿', icon: 'wish', onTap: go(routes.wishNew) },
        { key: 'my-wishes', label: '我的心愿', icon: 'list', onTap: go(routes.myWishes) },
      ];
    case 'cadre':
      return [
        { key: 'review', label: '审核心愿', icon: 'review', onTap: go(routes.reviewWishes) },
        wall,
        // Cadres claim wishes too (seed: 驻村干部带头认领), so they need their claims.
        claims,
        { key: 'submit-for', label: '代录心愿', icon: 'text', onTap: go(routes.submitFor) },
        ledger,
        { key: 'invite', label: '邀请码', icon: 'invite', onTap: go(routes.invite) },
      ];
    case 'office':
      return [wall, ledger, { key: 'invite', label: '邀请码', icon: 'invite', onTap: go(routes.invite) }];
    case 'helper':
      return [wall, claims];
  }
}

export default function HomeTab({ profile, unread, onOpenInbox }: { profile: Profile; unread: number; onOpenInbox: () => void }) {
  const services = servicesFor(profile);
  return (
    <View>
      <View className="card greeting">
        <Text className="title">{profile.name}，您好</Text>
        <View className="muted">
          {roleLabels[profile.role]} · {profile.scope.name}
        </View>
      </View>
      {unread > 0 && (
        <View onClick={onOpenInbox}>
          <NoticeBar kind="warn">您有 {unread} 条未读消息，点这里查看</NoticeBar>
        </View>
      )}
      {services.length > 0 ? <ServiceGrid items={services} /> : <View className="card muted">村里有事需要您时，会在“消息”里提醒您。</View>}
    </View>
  );
}
