import type { StatFigures } from '@minqing/shared';
import { compositeScore, rankEntries } from './rankingOrder';

const figures = (rates: Partial<StatFigures>): StatFigures => ({
  received: 10,
  responded: 0,
  responseRate: 1,
  resolved: 0,
  resolvedOnTime: 0,
  onTimeRate: 1,
  resolvedRate: 1,
  rated: 0,
  satisfied: 0,
  satisfactionRate: 1,
  visitRated: 0,
  visitSatisfied: 0,
  visitSatisfactionRate: null,
  meanHoursToResolve: null,
  overdue: 0,
  returns: 0,
  repeatComplaints: 0,
  ...rates,
});

describe('the ranking order', () => {
  it('weighs satisfaction, on-time, response and resolved rates 4:3:2:1, leaving out the ones without data', () => {
    expect(compositeScore(figures({}))).toBe(100);
    expect(
      compositeScore(figures({ satisfactionRate: 0.5, onTimeRate: 0.5, responseRate: 0.5, resolvedRate: 0.5 })),
    ).toBe(50);
    expect(
      compositeScore(figures({ satisfactionRate: null, onTimeRate: null, responseRate: 1, resolvedRate: 0 })),
    ).toBe(66.7);
    expect(
      compositeScore(
        figures({ received: 0, satisfactionRate: null, onTimeRate: null, responseRate: null, resolvedRate: null }),
      ),
    ).toBeNull();
  });

  it('breaks ties by received, then name, and lists entries without a score last', () => {
    const ranked = rankEntries(
      [
        {
          id: 'd',
          name: '丁',
          ...figures({ received: 0, satisfactionRate: null, onTimeRate: null, responseRate: null, resolvedRate: null }),
        },
        { id: 'c', name: '丙', ...figures({ received: 5 }) },
        { id: 'b', name: '乙', ...figures({ received: 10 }) },
        { id: 'a', name: '甲', ...figures({ received: 10, satisfactionRate: 0.9 }) },
      ],
      (entry) => entry.id,
    );
    expect(ranked.map((entry) => [entry.id, entry.rank])).toEqual([
      ['b', 1],
      ['c', 2],
      ['a', 3],
      ['d', 4],
    ]);
  });
});
