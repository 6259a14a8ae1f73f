import { categoryDrill, departmentDrill, regionDrill, trendDrill } from './drillDown';

const MARCH = { from: '2026-03-01', to: '2026-03-31' };

describe('drill-down from a chart to the queue', () => {
  it('narrows by day, category, region and department with the parameter names the queue reads', () => {
    expect(trendDrill('resolved', '2026-03-04')).toEqual({ tab: 'done', from: '2026-03-04', to: '2026-03-04' });
    expect(trendDrill('overdue', '2026-03-09')).toEqual({ tab: 'overdue', from: '2026-03-09', to: '2026-03-09' });
    expect(categoryDrill('power', MARCH)).toEqual({ tab: 'all', categoryId: 'power', ...MARCH });
    // 未分类 has no category to filter by: the navigation leaves the parameter out.
    expect(categoryDrill(null, MARCH)).toEqual({ tab: 'all', categoryId: undefined, ...MARCH });
    expect(regionDrill('610921100', 'received', MARCH)).toEqual({ tab: 'all', regionCode: '610921100', ...MARCH });
    expect(regionDrill('610921100', 'overdue', MARCH)).toEqual({ tab: 'overdue', regionCode: '610921100', ...MARCH });
    expect(departmentDrill('01J0000000000000000000000D', MARCH)).toEqual({
      tab: 'all',
      departmentId: '01J0000000000000000000000D',
      ...MARCH,
    });
  });
});
