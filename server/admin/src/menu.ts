import type { StaffAbility, StaffMe } from '@minqing/shared';

export interface MenuEntry {
  /** The screen's key, and the ability the server grants for it (StaffMe.abilities). */
  key: StaffAbility;
  label: string;
}

/** The navigation, in order; each entry shows only when the server grants its ability. */
export const MENU: readonly MenuEntry[] = [
  { key: 'queue', label: '工单' },
  { key: 'triage', label: '分派' },
  { key: 'stats', label: '统计' },
  { key: 'notices', label: '公告' },
  { key: 'articles', label: '文章' },
  { key: 'templates', label: '答复模板' },
  { key: 'config', label: '配置' },
  { key: 'accounts', label: '账号' },
  { key: 'audit', label: '审计日志' },
  { key: 'points', label: '积分' },
  { key: 'payouts', label: '奖励补贴' },
  { key: 'households', label: '住户' },
  { key: 'partners', label: '合作方' },
];

export function menuFor(staff: Pick<StaffMe, 'abilities'>): MenuEntry[] {
  return MENU.filter((entry) => staff.abilities.includes(entry.key));
}
