import { deadlinesFrom, extendedDeadline, tierAbove } from './slaClock';

const beijing = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);
const endOf = (date: string) => new Date(`${date}T23:59:59.999+08:00`);

describe('deadlines of a report', () => {
  it('runs short response limits round the clock, even over a weekend', () => {
    const saturday = beijing('2026-11-21 22:00');
    expect(deadlinesFrom(saturday, { responseHours: 2, resolveDays: 1 }).responseDueAt).toEqual(
      beijing('2026-11-22 00:00'),
    );
    expect(deadlinesFrom(saturday, { responseHours: 24, resolveDays: 3 }).responseDueAt).toEqual(
      beijing('2026-11-22 22:00'),
    );
  });

  it('counts longer response limits in working hours', () => {
    expect(deadlinesFrom(beijing('2026-11-20 10:00'), { responseHours: 48, resolveDays: 7 }).responseDueAt).toEqual(
      beijing('2026-11-24 10:00'),
    );
  });

  it('counts resolve limits in working days, the defaults without a category', () => {
    const { responseDueAt, resolveDueAt } = deadlinesFrom(beijing('2026-09-28 10:00'), null);
    expect(responseDueAt).toEqual(beijing('2026-09-29 10:00'));
    expect(resolveDueAt).toEqual(endOf('2026-10-13'));
  });

  it('extends by working days from the current deadline', () => {
    expect(extendedDeadline(endOf('2026-09-30'), 2)).toEqual(endOf('2026-10-09'));
    expect(extendedDeadline(endOf('2026-11-20'), 5)).toEqual(endOf('2026-11-27'));
  });

  it('escalates one tier at a time, up to 重大', () => {
    expect(tierAbove('general')).toBe('difficult');
    expect(tierAbove('difficult')).toBe('major');
    expect(tierAbove('major')).toBe('major');
  });
});
