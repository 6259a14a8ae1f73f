import { figureDrill } from './figureDrill';

const MARCH = { from: '2026-03-01', to: '2026-03-31' };
const IN_MARCH = { periodFrom: '2026-03-01', periodTo: '2026-03-31' };

describe('drill-down from a figure to the queue', () => {
  it("opens today's intake, the backlog and what is overdue now", () => {
    expect(figureDrill('todaySubmitted', MARCH, '2026-04-10')).toEqual({
      tab: 'all',
      from: '2026-04-10',
      to: '2026-04-10',
    });
    expect(figureDrill('todayReceived', MARCH, '2026-04-10')).toEqual({
      tab: 'all',
      figure: 'received',
      periodFrom: '2026-04-10',
      periodTo: '2026-04-10',
    });
    // Only the open reports, not the finished ones the 全部 tab also holds.
    expect(figureDrill('backlog', MARCH, '2026-04-10')).toEqual({ tab: 'all', figure: 'backlog' });
    expect(figureDrill('overdueNow', MARCH, '2026-04-10')).toEqual({ tab: 'overdue' });
  });

  it("opens the period's counted reports, a rate its numerator", () => {
    expect(figureDrill('received', MARCH, '2026-04-10')).toEqual({ tab: 'all', figure: 'received', ...IN_MARCH });
    expect(figureDrill('responseRate', MARCH, '2026-04-10')).toEqual({ tab: 'all', figure: 'responded', ...IN_MARCH });
    expect(figureDrill('resolvedRate', MARCH, '2026-04-10')).toEqual({ tab: 'all', figure: 'resolved', ...IN_MARCH });
    expect(figureDrill('onTimeRate', MARCH, '2026-04-10')).toEqual({
      tab: 'all',
      figure: 'resolvedOnTime',
      ...IN_MARCH,
    });
    expect(figureDrill('satisfactionRate', MARCH, '2026-04-10')).toEqual({
      tab: 'all',
      figure: 'satisfied',
      ...IN_MARCH,
    });
    expect(figureDrill('overdue', MARCH, '2026-04-10')).toEqual({ tab: 'all', figure: 'overdue', ...IN_MARCH });
    expect(figureDrill('repeatComplaints', MARCH, '2026-04-10')).toEqual({
      tab: 'all',
      figure: 'repeatComplaints',
      ...IN_MARCH,
    });
  });

  it('offers nothing for returns, which count events rather than reports', () => {
    expect(figureDrill('returns', MARCH, '2026-04-10')).toBeNull();
  });
});
