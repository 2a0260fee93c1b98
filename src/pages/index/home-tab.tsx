import { Text, View } from '@tarojs/components';
import { roleLabels } from '../../../types/common';
import { routes } from '../../../types/routes';
import type { Profile } from '../../../types/users';
import NoticeBar from '../../components/notice-bar';
import ServiceGrid, { type ServiceItem } from '../../components/service-grid';
import { go } from '../../services/navigate';
import { readTaskCounts } from '../../services/task-counts';

const wall: ServiceItem = { key: 'wall', label: '心愿墙', icon: 'wish', onTap: go(routes.wishWall) };
const claims: ServiceItem = { key: 'claims', label: '我认领的', icon: 'list', onTap: go(routes.myClaims) };
const ledger: ServiceItem = { key: 'ledger', label: '心愿台账', icon: 'list', onTap: go(routes.ledger) };
/** The village's message board: for the people of one village, so not for an office. */
const board: ServiceItem = { key: 'board', label: '留言板', icon: 'message', onTap: go(routes.board) };
/** 通知: weather warnings, farming advice and announcements, for everyone. */
const notices: ServiceItem = { key: 'notices', label: '通知', icon: 'bell', onTap: go(routes.notices) };
const publishNotice: ServiceItem = { key: 'notice-publish', label: '发通知', icon: 'text', onTap: go(routes.noticePublish) };

/**
 * 走访任务, with the count of what is due today (overdue and urgent included) as the task list last
 * received it: read from the phone, so the home page's first paint asks the cloud nothing more.
 */
const visitTasks = (): ServiceItem => ({
  key: 'visit-tasks',
  label: '走访任务',
  icon: 'calendar',
  onTap: go(routes.visitTasks),
  badge: readTaskCounts()?.today,
});

/** Each role's services, as big icons with words; only what that role may use. */
function servicesFor(profile: Profile): ServiceItem[] {
  switch (profile.role) {
    case 'villager':
      return [
        { key: 'wish-new', label: '许个心愿', icon: 'wish', onTap: go(routes.wishNew) },
        { key: 'my-wishes', label: '我的心愿', icon: 'list', onTap: go(routes.myWishes) },
        // 四必访: the household tells its cadres, who come within days.
        { key: 'report-event', label: '家里有事', icon: 'bell', onTap: go(routes.reportEvent) },
        // 爱心代办: a letter, a form, a hospital visit, a legal question; and where each request stands.
        { key: 'consult-new', label: '找干部帮忙', icon: 'help', onTap: go(routes.consultNew) },
        { key: 'my-consults', label: '我的求助', icon: 'list', onTap: go(routes.myConsults) },
        board,
        notices,
      ];
    case 'cadre':
      return [
        visitTasks(),
        { key: 'households', label: '本村农户', icon: 'home', onTap: go(routes.myHouseholds) },
        { key: 'consult-queue', label: '待办求助', icon: 'help', onTap: go(routes.consultQueue) },
        { key: 'review', label: '审核心愿', icon: 'review', onTap: go(routes.reviewWishes) },
        wall,
        // Cadres claim wishes too (seed: 驻村干部带头认领), so they need their claims.
        claims,
        { key: 'submit-for', label: '代录心愿', icon: 'text', onTap: go(routes.submitFor) },
        ledger,
        { key: 'invite', label: '邀请码', icon: 'invite', onTap: go(routes.invite) },
        { key: 'care', label: '关爱干部', icon: 'heart', onTap: go(routes.careReport) },
        board,
        notices,
        publishNotice,
        { key: 'term', label: '节气农事', icon: 'calendar', onTap: go(routes.termPreview) },
      ];
    case 'office':
      return [
        { key: 'overdue', label: '逾期督办', icon: 'bell', onTap: go(routes.overdueTasks), badge: readTaskCounts()?.overdue },
        { key: 'consult-queue', label: '求助督办', icon: 'help', onTap: go(routes.consultQueue) },
        { key: 'visit-policy', label: '走访规则', icon: 'review', onTap: go(routes.visitPolicy) },
        { key: 'care', label: '关爱干部', icon: 'heart', onTap: go(routes.careReport) },
        wall,
        ledger,
        { key: 'invite', label: '邀请码', icon: 'invite', onTap: go(routes.invite) },
        notices,
        // An office relays the weather office's warnings (by phone or fax) to its villages.
        { key: 'warning-entry', label: '发布预警', icon: 'bell', onTap: go(routes.warningEntry) },
        publishNotice,
      ];
    case 'helper':
      return [
        visitTasks(),
        { key: 'households', label: '我的结对户', icon: 'home', onTap: go(routes.myHouseholds) },
        wall,
        claims,
        board,
        notices,
      ];
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
