import { render, screen } from '@testing-library/react';
import type { StaffMe, StaffRole } from '@minqing/shared';
import { AppShell } from './AppShell';

const staff = (role: StaffRole): StaffMe => ({
  id: '01J0000000000000000000000A',
  username: role,
  name: `测试${role}`,
  role,
  regionCode: '610921',
});

function menuLabels(role: StaffRole): string[] {
  render(<AppShell staff={staff(role)} page="queue" onNavigate={() => {}} onLogout={() => {}} />);
  return screen.getAllByRole('menuitem').map((item) => item.textContent ?? '');
}

describe('the menu follows the signed-in role', () => {
  it('a handler works the queue and sees the statistics, but no configuration', () => {
    const labels = menuLabels('handler');
    expect(labels).toEqual(['工单', '统计']);
    expect(labels).not.toContain('配置');
  });

  it('the county supervisor dispatches, supervises and configures, but does not read the audit log', () => {
    expect(menuLabels('county')).toEqual([
      '工单',
      '分派',
      '统计',
      '公告',
      '文章',
      '答复模板',
      '配置',
      '账号',
      '积分',
      '奖励补贴',
      '住户',
    ]);
  });

  it('a sysadmin configures but has no work queue (the server hides reports from it)', () => {
    expect(menuLabels('sysadmin')).not.toContain('工单');
  });

  it('only the sysadmin reads the audit log', () => {
    expect(menuLabels('sysadmin')).toContain('审计日志');
  });

  it('a village cadre runs the village: its reports, notices, the points shop and the household roster, no cash', () => {
    expect(menuLabels('cadre')).toEqual(['工单', '公告', '积分', '住户']);
  });

  it('a 三线 member sees the households they look after, and no report queue', () => {
    expect(menuLabels('liaison')).toEqual(['住户']);
  });

  it('shows who is signed in and offers logout', () => {
    const onLogout = jest.fn();
    render(<AppShell staff={staff('dispatcher')} page="queue" onNavigate={() => {}} onLogout={onLogout} />);
    expect(screen.getByText(/测试dispatcher/)).toBeInTheDocument();
    screen.getByRole('button', { name: /退出登录/ }).click();
    expect(onLogout).toHaveBeenCalled();
  });
});
