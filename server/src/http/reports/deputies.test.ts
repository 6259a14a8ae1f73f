import type { Deputy, Department } from '../../db/entities';
import { Report } from '../../db/entities';
import {
  REGIONS,
  bearer,
  buildCategory,
  buildCitizen,
  buildDepartment,
  buildDeputy,
  buildStaff,
  buildWorld,
  citizenToken,
  staffToken,
  submitReport,
} from '../../test/factories';
import { type TestApp, createTestApp } from '../../test/testApp';

describe('代表工作: a report to a chosen deputy', () => {
  let app: TestApp;
  let villageDeputy: Deputy;
  let countyDeputy: Deputy;
  let jianchiDeputy: Deputy;
  let liaison: Department;
  const deputyReport = { serviceCode: 'deputy', text: '建议在村口修一座便民桥' };

  beforeAll(async () => {
    app = await createTestApp();
    await buildWorld(app.dataSource);
    liaison = await buildDepartment(app.dataSource, {
      name: '县人大代表联络站',
      level: 'county',
      regionCode: REGIONS.county,
      kind: 'deputy',
    });
    await buildCategory(app.dataSource, {
      code: 'deputy_message',
      name: '代表建议',
      responseHours: 48,
      resolveDays: 15,
      departmentKind: 'deputy',
    });
    villageDeputy = await buildDeputy(app.dataSource, {
      name: '张德明',
      title: '镇人大代表',
      regionCode: REGIONS.chengguanVillage,
    });
    countyDeputy = await buildDeputy(app.dataSource, {
      name: '刘建国',
      title: '县人大代表',
      regionCode: REGIONS.county,
    });
    jianchiDeputy = await buildDeputy(app.dataSource, {
      name: '赵永福',
      title: '县人大代表',
      regionCode: REGIONS.jianchi,
    });
  });
  afterAll(() => app.close());

  it('stores the chosen deputy, shows it to the citizen and staff, and sends it to the liaison station', async () => {
    const citizen = await buildCitizen(app.dataSource);
    const response = await submitReport(app, citizen, { ...deputyReport, deputyId: villageDeputy.id });
    expect(response.status).toBe(201);
    expect(response.body.deputy).toEqual({ id: villageDeputy.id, name: '张德明', title: '镇人大代表' });
    expect(response.body).toMatchObject({
      status: 'dispatched',
      department: { id: liaison.id, name: '县人大代表联络站' },
      category: { code: 'deputy_message' },
    });
    expect(await app.dataSource.getRepository(Report).findOneByOrFail({ id: response.body.id })).toMatchObject({
      deputyId: villageDeputy.id,
    });
    const detail = await app.http
      .get(`/api/v1/reports/${response.body.id}`)
      .set(bearer(citizenToken(app.deps, citizen)));
    expect(detail.body.deputy).toEqual({ id: villageDeputy.id, name: '张德明', title: '镇人大代表' });
    const dispatcher = await buildStaff(app.dataSource, { role: 'dispatcher' });
    const staffView = await app.http
      .get(`/api/v1/staff/reports/${response.body.id}`)
      .set(bearer(staffToken(app.deps, dispatcher)));
    expect(staffView.body.deputy).toEqual({ id: villageDeputy.id, name: '张德明', title: '镇人大代表' });
  });

  it("accepts the county's deputy, and a deputy report without a deputy or category as before", async () => {
    const citizen = await buildCitizen(app.dataSource);
    const county = await submitReport(app, citizen, { ...deputyReport, deputyId: countyDeputy.id });
    expect(county.status).toBe(201);
    expect(county.body.deputy).toMatchObject({ id: countyDeputy.id });
    const plain = await submitReport(app, citizen, deputyReport);
    expect(plain.status).toBe(201);
    expect(plain.body).toMatchObject({ deputy: null, category: null, status: 'submitted' });
  });

  it('refuses deputyId on another service with 400 naming deputyId', async () => {
    const citizen = await buildCitizen(app.dataSource);
    const response = await submitReport(app, citizen, { serviceCode: 'direct', deputyId: villageDeputy.id });
    expect(response.status).toBe(400);
    expect(response.body.error.field).toBe('deputyId');
  });

  it("refuses another township's deputy, or an unknown one, with 400 naming deputyId", async () => {
    const citizen = await buildCitizen(app.dataSource);
    for (const deputyId of [jianchiDeputy.id, '01JBZ3K4M5N6P7Q8R9S0T1V2W3']) {
      const response = await submitReport(app, citizen, { ...deputyReport, deputyId });
      expect({ deputyId, status: response.status, field: response.body.error?.field }).toEqual({
        deputyId,
        status: 400,
        field: 'deputyId',
      });
    }
    expect(await app.dataSource.getRepository(Report).countBy({ citizenId: citizen.id })).toBe(0);
  });
});
