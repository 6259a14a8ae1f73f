import { AuditLogQuerySchema, auditActionName } from '@minqing/shared';
import { ACTION_GROUPS, DEFAULT_AUDIT_FILTERS, auditQueryString, filtersFromQuery } from './auditQuery';

describe('audit log filters', () => {
  it("sends only the filters set, action groups as the server's exact actions and prefixes", () => {
    expect(auditQueryString(DEFAULT_AUDIT_FILTERS)).toBe('page=1&pageSize=20');
    const query = new URLSearchParams(
      auditQueryString({
        ...DEFAULT_AUDIT_FILTERS,
        username: ' admin ',
        groups: ['sign_in', 'accounts'],
        from: '2026-03-01',
        to: '2026-03-02',
        page: 3,
      }),
    );
    expect(Object.fromEntries(query)).toEqual({
      username: 'admin',
      action: 'login,logout,staff_account.*',
      from: '2026-03-01',
      to: '2026-03-02',
      page: '3',
      pageSize: '20',
    });
  });

  it('sends every group at once in a form the server accepts', () => {
    const all = filtersFromQuery(new URLSearchParams(`groups=${ACTION_GROUPS.map((group) => group.key).join(',')}`));
    expect(all.groups).toHaveLength(ACTION_GROUPS.length);
    const parsed = AuditLogQuerySchema.safeParse(Object.fromEntries(new URLSearchParams(auditQueryString(all))));
    expect(parsed.success).toBe(true);
  });

  it("reads a link to one account's trail, ignoring what it does not know", () => {
    const filters = filtersFromQuery(
      new URLSearchParams('targetType=staff&targetId=01J000000000000000000000S1&groups=accounts,bogus&from=yesterday'),
    );
    expect(filters).toEqual({
      ...DEFAULT_AUDIT_FILTERS,
      targetType: 'staff',
      targetId: '01J000000000000000000000S1',
      groups: ['accounts'],
    });
  });

  it('names actions in words, falling back to the code', () => {
    expect(auditActionName('login_locked')).toBe('登录失败，账号锁定');
    expect(auditActionName('report.assign')).toBe('工单派单');
    expect(auditActionName('ranking.export')).toBe('导出排名');
    expect(auditActionName('notice.publish')).toBe('发布公告');
    expect(auditActionName('something.new')).toBe('something.new');
  });
});
