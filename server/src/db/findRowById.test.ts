import { Citizen, Report, Staff } from '../db/entities';
import { buildCitizen, buildStaff, buildWorld, submitReport } from '../test/factories';
import { type TestApp, createTestApp } from '../test/testApp';
import { findRowById } from './findRowById';

describe('findRowById', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
    await buildWorld(app.dataSource);
  });
  afterAll(() => app.close());

  it('reads the entity findOneBy reads: same class, values and types', async () => {
    const citizen = await buildCitizen(app.dataSource, { nickname: '张三', careMode: true });
    const staff = await buildStaff(app.dataSource, { role: 'dispatcher', mustChangePassword: true, tokenVersion: 3 });
    const { body } = await submitReport(app, citizen, { categoryCode: 'power', text: '二组的电线杆歪了快倒了' });
    const manager = app.dataSource.manager;
    for (const [entity, id] of [
      [Citizen, citizen.id],
      [Staff, staff.id],
      [Report, body.id],
    ] as const) {
      const expected = await manager.getRepository(entity).findOneByOrFail({ id });
      const read = await findRowById(manager, entity, id);
      expect(read).toBeInstanceOf(entity);
      expect(read).toStrictEqual(expected);
    }
    const read = await findRowById(manager, Citizen, citizen.id);
    expect(read?.careMode).toBe(true);
    expect(read?.createdAt).toBeInstanceOf(Date);
  });

  it('answers null for an unknown id', async () => {
    expect(await findRowById(app.dataSource.manager, Citizen, '01M00000000000000000000000')).toBeNull();
  });
});
