import { chinaToday, lastDayOfMonth, periodOf, periodProblem } from './period';

describe('the dashboard period', () => {
  it('is the China calendar day, whatever the browser clock says', () => {
    expect(chinaToday(new Date('2026-03-31T16:00:00Z'))).toBe('2026-04-01');
    expect(chinaToday(new Date('2026-03-31T15:59:59Z'))).toBe('2026-03-31');
  });

  it('covers a past month whole and this month up to today', () => {
    expect(lastDayOfMonth('2026-02')).toBe('2026-02-28');
    expect(lastDayOfMonth('2028-02')).toBe('2028-02-29');
    expect(lastDayOfMonth('2026-12')).toBe('2026-12-31');
    expect(periodOf({ kind: 'month', month: '2026-03' }, '2026-04-10')).toEqual({
      from: '2026-03-01',
      to: '2026-03-31',
    });
    expect(periodOf({ kind: 'month', month: '2026-04' }, '2026-04-10')).toEqual({
      from: '2026-04-01',
      to: '2026-04-10',
    });
    expect(periodOf({ kind: 'range', from: '2026-01-05', to: '2026-02-07' }, '2026-04-10')).toEqual({
      from: '2026-01-05',
      to: '2026-02-07',
    });
  });

  it('says what the server would refuse before asking', () => {
    expect(periodProblem({ from: '2026-03-10', to: '2026-03-01' })).toBe('开始日期不能晚于结束日期');
    expect(periodProblem({ from: '2025-01-01', to: '2026-01-02' })).toBe('统计区间最长 366 天');
    expect(periodProblem({ from: '2025-01-01', to: '2026-01-01' })).toBeNull();
  });
});
