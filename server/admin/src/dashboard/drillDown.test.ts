import { categoryDrill, departmentDrill, figureDrill, regionDrill, trendDrill } from './drillDown';

const MARCH = { from: '2026-03-01', to: '2026-03-31' };

describe('drill-down from a figure to the queue', () => {
  it("opens today's intake, the backlog and what is overdue now", () => {
    expect(figureDrill('todaySubmitted', MARCH, '2026-04-10')).toEqual({ tab: 'all', from: '2026-04-10', to: '2026-04-10' });
    expect(figureDrill('backlog', MARCH, '2026-04-10')).toEqual({ tab: 'all' });
    // Overdue now is not limited to the period: the tab is the same rule.
    expect(figureDrill('overdueNow', MARCH, '2026-04-10')).toEqual({ tab: 'overdue' });
  });

  it("opens the period's reports for counts and rates, the finished ones for resolved and satisfaction", () => {
    expect(figureDrill('received', MARCH, '2026-04-10')).toEqual({ tab: 'all', ...MARCH });
    expect(figureDrill('responseRate', MARCH, '2026-04-10')).toEqual({ tab: 'all', ...MARCH });
    expect(figureDrill('resolved', MARCH, '2026-04-10')).toEqual({ tab: 'done', ...MARCH });
    expect(figureDrill('satisfactionRate', MARCH, '2026-04-10')).toEqual({ tab: 'done', ...MARCH });
    expect(figureDrill('overdue', MARCH, '2026-04-10')).toEqual({ tab: 'overdue', ...MARCH });
  });

  it('offers nothing for figures no queue filter can show', () => {
    expect(figureDrill('returns', MARCH, '2026-04-10')).toBeNull();
    expect(figureDrill('repeatComplaints', MARCH, '2026-04-10')).toBeNull();
  });

  it('narrows by day, category, region and department with the parameter names the queue reads', () => {
    expect(trendDrill('resolved', '2026-03-04')).toEqual({ tab: 'done', from: '2026-03-04', to: '2026-03-04' });
    expect(trendDrill('overdue', '2026-03-09')).toEqual({ tab: 'overdue', from: '2026-03-09', to: '2026-03-09' });
    expect(categoryDrill('power', MARCH)).toEqual({ tab: 'all', categoryId: 'power', ...MARCH });
    // 未分类 has no category to filter by: the navigation leaves the parameter out.
    expect(categoryDrill(null, MARCH)).toEqual({ tab: 'all', categoryId: undefined, ...MARCH });
    expect(regionDrill('610921100', 'received', MARCH)).toEqual({ tab: 'all', regionCode: '610921100', ...MARCH });
    expect(regionDrill('610921100', 'overdue', MARCH)).toEqual({ tab: 'overdue', regionCode: '610921100', ...MARCH });
    expect(departmentDrill('01J0000000000000000000000D', MARCH)).toEqual({ tab: 'all', departmentId: '01J0000000000000000000000D', ...MARCH });
  });
});
