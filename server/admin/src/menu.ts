import type { StaffRole } from '@minqing/shared';

export interface MenuEntry {
  key: string;
  label: string;
  /** Roles the server lets use the screen (the server still checks every request). */
  roles: readonly StaffRole[];
}

/** The navigation; each entry mirrors the role guard of the server routes behind it. */
export const MENU: readonly MenuEntry[] = [
  // server/src/routes/staffReports: sysadmins configure, they do not see citizens' reports.
  { key: 'queue', label: '工单', roles: ['grid_worker', 'cadre', 'dispatcher', 'handler', 'county'] },
  // assign / merge in server/src/routes/staffReports
  { key: 'triage', label: '分派', roles: ['dispatcher', 'county'] },
  // server/src/routes/staffStats
  { key: 'stats', label: '统计', roles: ['dispatcher', 'handler', 'county', 'sysadmin'] },
  // server/src/routes/staffContent (notices)
  { key: 'notices', label: '公告', roles: ['cadre', 'dispatcher', 'county', 'sysadmin'] },
  // server/src/routes/staffContent (articles)
  { key: 'articles', label: '文章', roles: ['county', 'sysadmin'] },
  // server/src/routes/replyTemplates
  { key: 'templates', label: '答复模板', roles: ['dispatcher', 'county'] },
  // regions, departments, categories, services, holidays, routing rules
  { key: 'config', label: '配置', roles: ['county', 'sysadmin'] },
  // server/src/routes/staffAccounts
  { key: 'accounts', label: '账号', roles: ['county', 'sysadmin'] },
  // server/src/routes/auditLog
  { key: 'audit', label: '审计日志', roles: ['sysadmin'] },
  // server/src/routes/staffPoints: shop keepers (cadre, grid_worker, dispatcher, county); the rules tab county and sysadmin
  { key: 'points', label: '积分', roles: ['cadre', 'grid_worker', 'dispatcher', 'county', 'sysadmin'] },
  // server/src/routes/payouts/staffPayouts
  { key: 'payouts', label: '奖励补贴', roles: ['dispatcher', 'county'] },
  // server/src/routes/households (policies/household): the field and those supervising it
  { key: 'households', label: '住户', roles: ['grid_worker', 'liaison', 'cadre', 'dispatcher', 'county'] },
  // server/src/routes/partners (policies/partner): Open311 api_keys for partner systems
  { key: 'partners', label: '合作方', roles: ['county', 'sysadmin'] },
];

export function menuFor(role: StaffRole): MenuEntry[] {
  return MENU.filter((entry) => entry.roles.includes(role));
}
