import { HOLIDAY_YEARS } from './holidays';
import { localDateOf, startOfLocalDay, workingCalendar } from './workingCalendar';

/** An instant given as Beijing local time. */
const beijing = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);
/** The end of a local day as the calendar returns it: 23:59:59.999 Beijing time. */
const endOf = (date: string) => new Date(`${date}T23:59:59.999+08:00`);

describe('working-day calendar', () => {
  it('reads local dates in Beijing time, whatever the server time zone', () => {
    expect(localDateOf(new Date('2026-11-22T16:30:00Z'))).toBe('2026-11-23');
    expect(localDateOf(new Date('2026-11-22T15:59:59Z'))).toBe('2026-11-22');
    expect(startOfLocalDay('2026-11-23').toISOString()).toBe('2026-11-22T16:00:00.000Z');
  });

  it('knows weekdays, weekends, holidays and make-up workdays', () => {
    expect(workingCalendar.isWorkingDay('2026-11-20')).toBe(true); // Friday
    expect(workingCalendar.isWorkingDay('2026-11-21')).toBe(false); // Saturday
    expect(workingCalendar.isWorkingDay('2026-11-22')).toBe(false); // Sunday
    expect(workingCalendar.isWorkingDay('2026-05-04')).toBe(false); // Monday in 劳动节
    expect(workingCalendar.isWorkingDay('2026-05-09')).toBe(true); // Saturday, 调休上班
    expect(workingCalendar.isWorkingDay('2026-09-20')).toBe(true); // Sunday, 调休上班
    expect(workingCalendar.isWorkingDay('2026-02-23')).toBe(false); // Monday, last day of 春节
  });

  it('holds every day the 2026 notice gives off and every make-up day, and nothing else', () => {
    const [year2026] = HOLIDAY_YEARS;
    let daysOff = 0;
    for (const period of year2026.periods) {
      for (
        let day = period.from;
        day <= period.to;
        day = localDateOf(new Date(startOfLocalDay(day).getTime() + 86400_000))
      ) {
        expect(workingCalendar.isWorkingDay(day)).toBe(false);
        daysOff += 1;
      }
    }
    // 3 + 9 + 3 + 5 + 3 + 3 + 7, as the notice counts them.
    expect(daysOff).toBe(33);
    for (const day of year2026.makeUpWorkdays) expect(workingCalendar.isWorkingDay(day)).toBe(true);
  });

  it('counts working days from the next day and ends at 24:00 Beijing time', () => {
    expect(workingCalendar.addWorkingDays(beijing('2026-11-23 10:00'), 1)).toEqual(endOf('2026-11-24'));
    // Reported at 23:30 on Friday: the weekend does not count.
    expect(workingCalendar.addWorkingDays(beijing('2026-11-20 23:30'), 1)).toEqual(endOf('2026-11-23'));
    expect(workingCalendar.addWorkingDays(beijing('2026-11-20 10:00'), 7)).toEqual(endOf('2026-12-01'));
    // Received on a Sunday: Monday is the first working day.
    expect(workingCalendar.addWorkingDays(beijing('2026-11-22 09:00'), 1)).toEqual(endOf('2026-11-23'));
  });

  it('skips holidays and counts make-up Saturdays', () => {
    // 国庆节 10-01 … 10-07 off; 10-10 (Saturday) is a working day.
    expect(workingCalendar.addWorkingDays(beijing('2026-09-30 10:00'), 1)).toEqual(endOf('2026-10-08'));
    expect(workingCalendar.addWorkingDays(beijing('2026-10-09 10:00'), 1)).toEqual(endOf('2026-10-10'));
    // 7 working days from 09-28: 09-29, 09-30, 10-08, 10-09, 10-10, 10-12, 10-13.
    expect(workingCalendar.addWorkingDays(beijing('2026-09-28 10:00'), 7)).toEqual(endOf('2026-10-13'));
    // 春节: 02-14 (Saturday) is worked, 02-15 … 02-23 are off.
    expect(workingCalendar.addWorkingDays(beijing('2026-02-13 10:00'), 1)).toEqual(endOf('2026-02-14'));
    expect(workingCalendar.addWorkingDays(beijing('2026-02-13 10:00'), 2)).toEqual(endOf('2026-02-24'));
  });

  it('crosses year boundaries', () => {
    // Into 2026: 01-01 … 01-03 off, Sunday 01-04 worked.
    expect(workingCalendar.addWorkingDays(beijing('2025-12-31 10:00'), 1)).toEqual(endOf('2026-01-04'));
    expect(workingCalendar.addWorkingDays(beijing('2025-12-31 10:00'), 2)).toEqual(endOf('2026-01-05'));
    // Into 2027, whose notice is not out: only the fixed statutory 元旦 (01-01) is known.
    expect(workingCalendar.covers(2026)).toBe(true);
    expect(workingCalendar.covers(2027)).toBe(false);
    expect(workingCalendar.addWorkingDays(beijing('2026-12-31 10:00'), 1)).toEqual(endOf('2027-01-04'));
    expect(workingCalendar.isWorkingDay('2027-05-03')).toBe(true);
    expect(workingCalendar.isWorkingDay('2027-10-01')).toBe(false);
  });

  it('counts working hours only on working days', () => {
    expect(workingCalendar.addWorkingHours(beijing('2026-11-23 10:00'), 48)).toEqual(beijing('2026-11-25 10:00'));
    // Friday 10:00: 14 h on Friday, 24 h on Monday, 10 h on Tuesday.
    expect(workingCalendar.addWorkingHours(beijing('2026-11-20 10:00'), 48)).toEqual(beijing('2026-11-24 10:00'));
    // From a Saturday the clock starts on Monday at 00:00.
    expect(workingCalendar.addWorkingHours(beijing('2026-11-21 10:00'), 48)).toEqual(beijing('2026-11-25 00:00'));
    expect(workingCalendar.addWorkingHours(beijing('2026-09-30 20:00'), 48)).toEqual(beijing('2026-10-09 20:00'));
  });
});
