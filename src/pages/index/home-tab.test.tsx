import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { Profile, Role } from '../../../types';
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

beforeEach(() => (Taro.navigateTo as jest.Mock).mockClear());

describe('the home grid of the micro-wish programme', () => {
  it('gives each role only its own services', () => {
    expect(servicesOf('villager')).toEqual(['许个心愿', '我的心愿']);
    expect(servicesOf('helper')).toEqual(['心愿墙', '我认领的']);
    expect(servicesOf('cadre')).toEqual(['审核心愿', '心愿墙', '我认领的', '代录心愿', '心愿台账', '邀请码']);
    expect(servicesOf('office')).toEqual(['心愿墙', '心愿台账', '邀请码']);
  });

  it.each([
    ['心愿墙', '/helper/wall/index'],
    ['我认领的', '/helper/claims/index'],
    ['代录心愿', '/cadre/submit-for/index'],
    ['心愿台账', '/cadre/ledger/index'],
  ])('opens %s', (label, url) => {
    render(<HomeTab profile={profile('cadre')} unread={0} onOpenInbox={() => undefined} />);
    fireEvent.click(screen.getByText(label));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url });
  });
});
