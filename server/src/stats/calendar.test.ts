import { dayCount, daysOf, daysPeriod, monthPeriod, shanghaiDate, shanghaiMonth } from './calendar';

describe('the China calendar', () => {
  it('bounds a month at midnight China time, December into January', () => {
    expect(monthPeriod('2026-03')).toEqual({
      start: new Date('2026-02-28T16:00:00.000Z'),
      end: new Date('2026-03-31T16:00:00.000Z'),
    });
    expect(monthPeriod('2026-12').end).toEqual(new Date('2026-12-31T16:00:00.000Z'));
    expect(monthPeriod('2028-02').end).toEqual(new Date('2028-02-29T16:00:00.000Z'));
  });

  it('places an instant on its China day and month, which may be the next UTC day', () => {
    expect(shanghaiDate(new Date('2026-03-31T15:59:59.999Z'))).toBe('2026-03-31');
    expect(shanghaiDate(new Date('2026-03-31T16:00:00.000Z'))).toBe('2026-04-01');
    expect(shanghaiMonth(new Date('2026-03-31T16:00:00.000Z'))).toBe('2026-04');
  });

  it('covers whole days, both ends included', () => {
    const period = daysPeriod('2026-02-27', '2026-03-02');
    expect(daysOf(period)).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
    expect(period.end).toEqual(new Date('2026-03-02T16:00:00.000Z'));
    expect(dayCount('2026-03-01', '2026-03-01')).toBe(1);
    expect(dayCount('2025-03-31', '2026-03-31')).toBe(366);
  });
});
