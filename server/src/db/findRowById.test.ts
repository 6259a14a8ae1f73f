import { Citizen, Report, Staff } from '../db/entities';
import { buildCitizen, buildStaff, buildWorld, submitReport } from '../test/factories';
import { type TestApp, createTestApp } from '../test/testApp';
import { findRowById, readRowById } from './findRowById';

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

  it('reads ids asked for together in one statement, each caller its own row, and sees what was committed before', async () => {
    const citizens = await Promise.all([1, 2, 3, 4].map(() => buildCitizen(app.dataSource)));
    const unknown = '01M00000000000000000000001';
    const queries = jest.spyOn(app.dataSource.manager, 'query');
    try {
      const ids = [citizens[0].id, ...citizens.map(({ id }) => id), unknown];
      const read = await Promise.all(ids.map((id) => readRowById(app.dataSource, Citizen, id)));
      // The first alone, the five asked for while it was under way together.
      expect(queries).toHaveBeenCalledTimes(2);
      for (const [index, id] of ids.entries()) {
        if (id === unknown) expect(read[index]).toBeNull();
        else expect(read[index]).toStrictEqual(await app.dataSource.getRepository(Citizen).findOneByOrFail({ id }));
      }
      expect(read[1]).not.toBe(read[0]);
      await app.dataSource.getRepository(Citizen).update({ id: citizens[1].id }, { nickname: '改过的名字' });
      expect((await readRowById(app.dataSource, Citizen, citizens[1].id))?.nickname).toBe('改过的名字');
    } finally {
      queries.mockRestore();
    }
  });
});
