import { monthsEnding } from './departmentTrend';

describe('monthsEnding', () => {
  it('counts back across a year, oldest first', () => {
    expect(monthsEnding('2026-02', 4)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsEnding('2026-12', 2)).toEqual(['2026-11', '2026-12']);
  });
});
