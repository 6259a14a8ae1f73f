/** The audit log's filters, in the URL (`#/audit?targetType=staff&targetId=…`) and as the server's query. */
export interface AuditFilters {
  username?: string;
  /** Keys of ACTION_GROUPS. */
  groups: string[];
  targetType?: string;
  targetId?: string;
  /** Inclusive days, YYYY-MM-DD. */
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export const DEFAULT_AUDIT_FILTERS: AuditFilters = { groups: [], page: 1, pageSize: 20 };

/** What an auditor looks for, each as the server's action filters (exact, or a prefix ending in `*`). */
export const ACTION_GROUPS: readonly { key: string; label: string; actions: readonly string[] }[] = [
  { key: 'sign_in', label: '登录与退出', actions: ['login', 'logout'] },
  { key: 'sign_in_failed', label: '登录失败与锁定', actions: ['login_*'] },
  { key: 'password', label: '修改密码', actions: ['password.*'] },
  { key: 'accounts', label: '账号管理', actions: ['staff_account.*'] },
  { key: 'reports', label: '工单办理', actions: ['report.*'] },
  { key: 'contact', label: '查看群众联系方式', actions: ['reporter_contact.*'] },
  { key: 'content', label: '公告与文章', actions: ['notice.*', 'article.*', 'moderation.*'] },
  {
    key: 'config',
    label: '系统配置',
    actions: [
      'region.*',
      'department.*',
      'category.*',
      'service.*',
      'holidays.*',
      'routing_rule.*',
      'reply_template.*',
    ],
  },
  { key: 'points', label: '积分与兑换', actions: ['points.*', 'points_rule.*', 'redemption.*', 'shop_item.*'] },
  { key: 'payouts', label: '奖励补贴', actions: ['payout.*'] },
  { key: 'exports', label: '导出', actions: ['report.export', 'ranking.export', 'points.export'] },
];

/** The filters as GET /api/v1/staff/audit-logs expects them (AuditLogQuerySchema); empty ones left out. */
export function auditQueryString(filters: AuditFilters): string {
  const params = new URLSearchParams();
  const username = filters.username?.trim();
  if (username) params.set('username', username);
  const actions = ACTION_GROUPS.filter((group) => filters.groups.includes(group.key)).flatMap((group) => group.actions);
  if (actions.length > 0) params.set('action', actions.join(','));
  const targetType = filters.targetType?.trim();
  if (targetType) params.set('targetType', targetType);
  const targetId = filters.targetId?.trim();
  if (targetId) params.set('targetId', targetId);
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  params.set('page', String(filters.page));
  params.set('pageSize', String(filters.pageSize));
  return params.toString();
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Filters from the page's hash query, so another screen can link to one account's or one report's trail. */
export function filtersFromQuery(query: URLSearchParams): AuditFilters {
  const text = (key: string) => query.get(key)?.trim() || undefined;
  const day = (key: string) => (DAY.test(query.get(key) ?? '') ? (query.get(key) as string) : undefined);
  const known = new Set(ACTION_GROUPS.map((group) => group.key));
  return {
    ...DEFAULT_AUDIT_FILTERS,
    username: text('username'),
    groups: (query.get('groups') ?? '').split(',').filter((key) => known.has(key)),
    targetType: text('targetType'),
    targetId: text('targetId'),
    from: day('from'),
    to: day('to'),
  };
}
