import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { Profile, Role } from '../../../types';
import { writeTaskCounts } from '../../services/task-counts';
import HomeTab from './home-tab';

const profile = (role: Role): Profile => ({
  memberId: 'm1',
  role,
  name: '刘春生',
  scope: { level: role === 'office' ? 'township' : 'village', id: 's1', name: '杏花村' },
  villageId: 'v1',
  villageName: '杏花村',
  householdId: role === 'villager' ? 'h1' : null,
});

/** The services a role's grid shows, in order. */
function servicesOf(role: Role): string[] {
  const { container, unmount } = render(<HomeTab profile={profile(role)} unread={0} onOpenInbox={() => undefined} />);
  const labels = Array.from(container.querySelectorAll('.service-label')).map((e) => e.textContent ?? '');
  unmount();
  return labels;
}

beforeEach(() => {
  Taro.clearStorageSync();
  (Taro.navigateTo as jest.Mock).mockClear();
});

describe('the home grid', () => {
  it('gives each role only its own services', () => {
    expect(servicesOf('villager')).toEqual(['许个心愿', '我的心愿', '家里有事', '找干部帮忙', '我的求助', '留言板', '通知']);
    expect(servicesOf('helper')).toEqual(['走访任务', '我的结对户', '心愿墙', '我认领的', '留言板', '通知']);
    expect(servicesOf('cadre')).toEqual([
      '走访任务',
      '本村农户',
      '待办求助',
      '审核心愿',
      '心愿墙',
      '我认领的',
      '代录心愿',
      '心愿台账',
      '邀请码',
      '关爱干部',
      '留言板',
      '通知',
      '发通知',
      '节气农事',
    ]);
    expect(servicesOf('office')).toEqual([
      '逾期督办',
      '求助督办',
      '走访规则',
      '关爱干部',
      '心愿墙',
      '心愿台账',
      '邀请码',
      '通知',
      '发布预警',
      '发通知',
    ]);
  });

  it('counts the tasks due today as the task list last saw them, without asking the cloud', () => {
    writeTaskCounts({ today: 3, week: 5, overdue: 1, all: 9 });
    render(<HomeTab profile={profile('cadre')} unread={0} onOpenInbox={() => undefined} />);
    expect(screen.getByLabelText('走访任务，3 条待办')).toBeTruthy();
  });

  it('counts the overdue tasks on the office’s 逾期督办', () => {
    writeTaskCounts({ today: 3, week: 5, overdue: 2, all: 9 });
    render(<HomeTab profile={profile('office')} unread={0} onOpenInbox={() => undefined} />);
    expect(screen.getByLabelText('逾期督办，2 条待办')).toBeTruthy();
  });

  it('shows no count before the task list was ever opened', () => {
    render(<HomeTab profile={profile('helper')} unread={0} onOpenInbox={() => undefined} />);
    expect(screen.getByLabelText('走访任务')).toBeTruthy();
  });

  it.each([
    ['心愿墙', '/helper/wall/index'],
    ['我认领的', '/helper/claims/index'],
    ['代录心愿', '/cadre/submit-for/index'],
    ['心愿台账', '/cadre/ledger/index'],
    ['走访任务', '/visit/tasks/index'],
    ['本村农户', '/visit/households/index'],
    ['关爱干部', '/visit/care/index'],
  ])('opens %s', (label, url) => {
    render(<HomeTab profile={profile('cadre')} unread={0} onOpenInbox={() => undefined} />);
    fireEvent.click(screen.getByText(label));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url });
  });

  it.each([
    ['villager', '家里有事', '/family/report/index'],
    ['helper', '我的结对户', '/visit/households/index'],
    ['office', '逾期督办', '/visit/overdue/index'],
    ['office', '走访规则', '/visit/policy/index'],
    ['villager', '找干部帮忙', '/consult/new/index'],
    ['villager', '我的求助', '/consult/mine/index'],
    ['cadre', '待办求助', '/consult/queue/index'],
    ['office', '求助督办', '/consult/queue/index'],
    ['villager', '留言板', '/board/index/index'],
    ['helper', '留言板', '/board/index/index'],
    ['cadre', '留言板', '/board/index/index'],
    ['villager', '通知', '/notice/list/index'],
    ['helper', '通知', '/notice/list/index'],
    ['cadre', '通知', '/notice/list/index'],
    ['office', '通知', '/notice/list/index'],
    ['cadre', '发通知', '/notice/publish/index'],
    ['cadre', '节气农事', '/notice/term/index'],
    ['office', '发布预警', '/notice/warning/index'],
    ['office', '发通知', '/notice/publish/index'],
  ] as const)('opens %s’s %s', (role, label, url) => {
    render(<HomeTab profile={profile(role)} unread={0} onOpenInbox={() => undefined} />);
    fireEvent.click(screen.getByText(label));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url });
  });
});
