import { readableDetail, readableFilters } from './auditDetail';

describe('audit details in words', () => {
  it("reads an export's filters instead of its query string", () => {
    expect(readableDetail('report.export', '12 件; tab=done&from=2026-03-01&to=2026-03-31&sort=-submittedAt')).toBe(
      '12 件，筛选：已办结，2026-03-01 起，2026-03-31 止',
    );
    expect(readableDetail('report.export', '3 件; status=resolved,closed&keyword=停电&overdue=true')).toBe(
      '3 件，筛选：状态 已办结、已评价，关键词「停电」，已超期',
    );
    expect(readableDetail('points.export', '40 条; reason=redemption&page=1')).toBe('40 条，筛选：积分兑换');
    expect(readableDetail('report.export', '7 件; ')).toBe('7 件，筛选：全部');
  });

  it("reads the ranking export's period and scope", () => {
    expect(readableDetail('ranking.export', '2026-03-01~2026-03-31 610921100')).toBe(
      '2026-03-01 至 2026-03-31，区域代码 610921100',
    );
  });

  it('leaves other details as they are, and names an unknown filter by its key', () => {
    expect(readableDetail('category.update', 'tier: general → major')).toBe('tier: general → major');
    expect(readableDetail('login', null)).toBe('');
    expect(readableFilters('novel=1')).toBe('novel=1');
  });
});
