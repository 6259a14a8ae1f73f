import { render, screen } from '@testing-library/react';
import { STAFF_ABILITIES, type StaffAbility, type StaffMe } from '@minqing/shared';
import { AppShell } from './AppShell';

const staff = (abilities: StaffAbility[]): StaffMe => ({
  id: '01J0000000000000000000000A',
  username: 'dispatcher',
  name: '测试dispatcher',
  role: 'dispatcher',
  regionCode: '610921',
  abilities,
});

function menuLabels(abilities: StaffAbility[]): string[] {
  render(<AppShell staff={staff(abilities)} page="queue" onNavigate={() => {}} onLogout={() => {}} />);
  return screen.queryAllByRole('menuitem').map((item) => item.textContent ?? '');
}

describe('the menu follows the abilities the server sends', () => {
  it('shows only the screens granted, in the menu’s order', () => {
    expect(menuLabels(['stats', 'queue'])).toEqual(['工单', '统计']);
  });

  it('shows every screen to an account granted everything', () => {
    expect(menuLabels([...STAFF_ABILITIES])).toEqual([
      '工单',
      '分派',
      '统计',
      '公告',
      '文章',
      '答复模板',
      '配置',
      '账号',
      '审计日志',
      '积分',
      '奖励补贴',
      '住户',
      '合作方',
    ]);
  });

  it('abilities without a screen of their own (代报, 走访, 内容审核) add no menu entry', () => {
    expect(menuLabels(['households', 'file_on_behalf', 'visit', 'moderate'])).toEqual(['住户']);
  });

  it('shows who is signed in and offers logout', () => {
    const onLogout = jest.fn();
    render(<AppShell staff={staff(['queue'])} page="queue" onNavigate={() => {}} onLogout={onLogout} />);
    expect(screen.getByText(/测试dispatcher/)).toBeInTheDocument();
    screen.getByRole('button', { name: /退出登录/ }).click();
    expect(onLogout).toHaveBeenCalled();
  });
});
