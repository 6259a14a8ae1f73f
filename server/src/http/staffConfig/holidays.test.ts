import { AuditLog, HolidayDayRow, Report } from '../../db/entities';
import { startOfLocalDay } from '../../deadlines/workingCalendar';
import type { Citizen, Staff } from '../../db/entities';
import { REGIONS, type World, bearer, buildCategory, buildCitizen, buildStaff, buildWorld } from '../../test/factories';
import { type TestApp, createTestApp } from '../../test/testApp';

/** 24:00 of a Beijing date, as deadlines end. */
const endOf = (date: string) => new Date(startOfLocalDay(date).getTime() + 24 * 3600_000 - 1);

/** 2027's notice is not built in: an operator enters 国庆节 (10-01 … 10-07 off, Saturday 10-09 worked). */
const NATIONAL_DAY_2027 = [
  ...['01', '02', '03', '04', '05', '06', '07'].map((day) => ({
    date: `2027-10-${day}`,
    kind: 'holiday',
    name: '国庆节',
  })),
  { date: '2027-10-09', kind: 'workday', name: '国庆节' },
];

describe('holiday schedules', () => {
  let app: TestApp;
  let world: World;
  let county: string;
  let now = new Date('2027-09-30T02:00:00Z'); // Thursday 10:00 in Beijing

  beforeAll(async () => {
    app = await createTestApp({ clock: () => now });
    world = await buildWorld(app.dataSource);
    await buildCategory(app.dataSource, { code: 'quick', name: '急办', resolveDays: 2, responseHours: 24 });
    county = staffToken(await buildStaff(app.dataSource, { role: 'county', regionCode: REGIONS.county }));
  });
  afterAll(() => app.close());

  /** The app's clock runs ahead of the real one: tokens must outlive it. */
  const tokenFor = (person: Staff | Citizen, kind: 'staff' | 'citizen') =>
    app.deps.tokens.sign({
      sub: person.id,
      kind,
      ver: 'tokenVersion' in person ? person.tokenVersion : 0,
      exp: Math.floor(now.getTime() / 1000) + 365 * 86400,
    });
  const staffToken = (staff: Staff) => tokenFor(staff, 'staff');
  const submitReport = async (body: Record<string, unknown>) =>
    app.http
      .post('/api/v1/reports')
      .set(bearer(tokenFor(await buildCitizen(app.dataSource), 'citizen')))
      .send({ serviceCode: 'direct', villageCode: REGIONS.chengguanVillage, text: '村口电线杆倾斜', ...body });

  const dueOfNewReport = async () => {
    const submitted = await submitReport({ categoryCode: 'quick' });
    expect(submitted.status).toBe(201);
    return (await app.dataSource.getRepository(Report).findOneByOrFail({ id: submitted.body.id })).resolveDueAt;
  };

  it('moves the deadlines of new reports once a year is entered, and back when it is cleared', async () => {
    // Without 2027: only weekends and the fixed statutory days (10-01 … 10-03) are off.
    expect(await dueOfNewReport()).toEqual(endOf('2027-10-05'));
    const saved = await app.http
      .put('/api/v1/staff/config/holidays/2027')
      .set(bearer(county))
      .send({ days: NATIONAL_DAY_2027 });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ year: 2027, source: 'custom' });
    expect(saved.body.days).toHaveLength(8);
    expect(await app.dataSource.getRepository(HolidayDayRow).countBy({ kind: 'holiday' })).toBe(7);
    // 10-08 (Friday) and the make-up Saturday 10-09 are the two working days.
    expect(await dueOfNewReport()).toEqual(endOf('2027-10-09'));
    expect(await app.dataSource.getRepository(AuditLog).findOneByOrFail({ action: 'holidays.replace' })).toMatchObject({
      targetId: '2027',
      detail: '2027: 放假 7 天，调休上班 1 天',
    });

    const cleared = await app.http.put('/api/v1/staff/config/holidays/2027').set(bearer(county)).send({ days: [] });
    expect(cleared.body).toEqual({ year: 2027, source: 'none', days: [] });
    expect(await app.dataSource.getRepository(HolidayDayRow).count()).toBe(0);
    expect(await dueOfNewReport()).toEqual(endOf('2027-10-05'));
  });

  it('uses the entered schedule when a dispatcher sends a report from triage', async () => {
    await app.http.put('/api/v1/staff/config/holidays/2027').set(bearer(county)).send({ days: NATIONAL_DAY_2027 });
    const triaged = await submitReport({ text: '村里有个问题' });
    expect(triaged.body.status).toBe('submitted');
    const dispatcher = staffToken(
      await buildStaff(app.dataSource, { role: 'dispatcher', regionCode: REGIONS.chengguan }),
    );
    const assigned = await app.http
      .post(`/api/v1/staff/reports/${triaged.body.id}/actions`)
      .set(bearer(dispatcher))
      .send({ action: 'assign', departmentId: world.power.id, categoryCode: 'quick' });
    expect(assigned.status).toBe(200);
    expect((await app.dataSource.getRepository(Report).findOneByOrFail({ id: triaged.body.id })).resolveDueAt).toEqual(
      endOf('2027-10-09'),
    );
    await app.http.put('/api/v1/staff/config/holidays/2027').set(bearer(county)).send({ days: [] });
  });

  it('replaces a built-in year, shows where each year comes from, and restores the built-in one', async () => {
    const builtin = await app.http.get('/api/v1/staff/config/holidays/2026').set(bearer(county));
    expect(builtin.body.source).toBe('builtin');
    expect(builtin.body.days).toContainEqual({ date: '2026-10-10', kind: 'workday', name: '国庆节' });
    expect(builtin.body.days.filter((day: { kind: string }) => day.kind === 'holiday')).toHaveLength(33);

    now = new Date('2026-09-30T02:00:00Z'); // Wednesday; the built-in 国庆节 runs 10-01 … 10-07
    expect(await dueOfNewReport()).toEqual(endOf('2026-10-09'));
    const replaced = await app.http
      .put('/api/v1/staff/config/holidays/2026')
      .set(bearer(county))
      .send({ days: [{ date: '2026-10-01', kind: 'holiday', name: '国庆节' }] });
    expect(replaced.body.source).toBe('custom');
    expect(await dueOfNewReport()).toEqual(endOf('2026-10-05'));
    const years = await app.http.get('/api/v1/staff/config/holidays').set(bearer(county));
    expect(years.body).toEqual(
      expect.arrayContaining([
        { year: 2026, source: 'custom', holidays: 1, workdays: 0 },
        { year: 2027, source: 'none', holidays: 0, workdays: 0 },
      ]),
    );
    await app.http.put('/api/v1/staff/config/holidays/2026').set(bearer(county)).send({ days: [] });
    expect((await app.http.get('/api/v1/staff/config/holidays/2026').set(bearer(county))).body.source).toBe('builtin');
    expect(await dueOfNewReport()).toEqual(endOf('2026-10-09'));
    now = new Date('2027-09-30T02:00:00Z');
  });

  it('names the field of a bad day: outside the year, twice, or a weekday marked 调休上班', async () => {
    const put = (days: unknown[]) =>
      app.http.put('/api/v1/staff/config/holidays/2027').set(bearer(county)).send({ days });
    const outside = await put([{ date: '2028-01-01', kind: 'holiday', name: '元旦' }]);
    expect(outside.status).toBe(400);
    expect(outside.body.error).toMatchObject({ field: 'days.0.date', message: '日期应在 2027 年内' });
    const twice = await put([NATIONAL_DAY_2027[0], NATIONAL_DAY_2027[0]]);
    expect(twice.body.error.field).toBe('days.1.date');
    const weekday = await put([{ date: '2027-09-30', kind: 'workday', name: '国庆节' }]);
    expect(weekday.body.error.message).toContain('不是周末');
    const unnamed = await put([{ date: '2027-10-01', kind: 'holiday', name: '' }]);
    expect(unnamed.body.error.field).toBe('days.0.name');
    expect((await app.http.get('/api/v1/staff/config/holidays/19').set(bearer(county))).body.error.field).toBe('year');
    expect(await app.dataSource.getRepository(HolidayDayRow).count()).toBe(0);
  });

  it('is for the county and sysadmins only', async () => {
    expect((await app.http.get('/api/v1/staff/config/holidays')).status).toBe(401);
    const dispatcher = staffToken(
      await buildStaff(app.dataSource, { role: 'dispatcher', regionCode: REGIONS.chengguan }),
    );
    expect((await app.http.get('/api/v1/staff/config/holidays').set(bearer(dispatcher))).status).toBe(403);
    // A county-role account scoped to a township cannot change what holds for the whole county.
    const township = staffToken(await buildStaff(app.dataSource, { role: 'county', regionCode: REGIONS.chengguan }));
    expect(
      (await app.http.put('/api/v1/staff/config/holidays/2027').set(bearer(township)).send({ days: NATIONAL_DAY_2027 }))
        .status,
    ).toBe(403);
    const sysadmin = staffToken(await buildStaff(app.dataSource, { role: 'sysadmin', regionCode: REGIONS.county }));
    expect(
      (await app.http.put('/api/v1/staff/config/holidays/2027').set(bearer(sysadmin)).send({ days: [] })).status,
    ).toBe(200);
  });
});
