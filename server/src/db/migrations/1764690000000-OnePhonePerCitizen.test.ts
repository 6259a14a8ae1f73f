import { buildCitizen } from '../../test/factories';
import { createTestDataSource } from '../../test/testDatabase';
import { Citizen } from '../entities';
import { OnePhonePerCitizen1764690000000 } from './1764690000000-OnePhonePerCitizen';

describe('one phone per citizen', () => {
  it('leaves a number bound twice with the older account, then makes the lookup hash unique', async () => {
    const dataSource = await createTestDataSource();
    const migration = new OnePhonePerCitizen1764690000000();
    const runner = dataSource.createQueryRunner();
    try {
      await migration.down(runner);
      const older = await buildCitizen(dataSource, {
        id: '01JA0000000000000000000001',
        phoneHash: 'shared',
        phoneEncrypted: 'v1:older',
      });
      const newer = await buildCitizen(dataSource, {
        id: '01JA0000000000000000000002',
        phoneHash: 'shared',
        phoneEncrypted: 'v1:newer',
      });
      const newest = await buildCitizen(dataSource, {
        id: '01JA0000000000000000000003',
        phoneHash: 'shared',
        phoneEncrypted: 'v1:newest',
      });
      const alone = await buildCitizen(dataSource, {
        id: '01JA0000000000000000000004',
        phoneHash: 'alone',
        phoneEncrypted: 'v1:alone',
      });
      const unbound = await buildCitizen(dataSource, { id: '01JA0000000000000000000005' });

      await migration.up(runner);

      const phoneOf = async (citizen: Citizen) => {
        const row = await dataSource.getRepository(Citizen).findOneByOrFail({ id: citizen.id });
        return [row.phoneHash, row.phoneEncrypted];
      };
      expect(await phoneOf(older)).toEqual(['shared', 'v1:older']);
      expect(await phoneOf(newer)).toEqual([null, null]);
      expect(await phoneOf(newest)).toEqual([null, null]);
      expect(await phoneOf(alone)).toEqual(['alone', 'v1:alone']);
      expect(await phoneOf(unbound)).toEqual([null, null]);
      await expect(buildCitizen(dataSource, { phoneHash: 'alone' })).rejects.toThrow();
      // Many accounts may have no phone at all.
      await buildCitizen(dataSource);
    } finally {
      await runner.release();
      await dataSource.destroy();
    }
  });
});
