import { Report } from '../db/entities';
import { REGIONS, buildCitizen, buildWorld, submitReport } from '../test/factories';
import { type TestApp, createTestApp } from '../test/testApp';
import { findDuplicate, textSimilarity } from './duplicates';

describe('duplicate reports', () => {
  it('calls texts similar by their shared character bigrams, ignoring punctuation and spaces', () => {
    expect(textSimilarity('村口电线杆倾斜了', '村口电线杆倾斜了！')).toBe(1);
    expect(textSimilarity('五一村二组的电线杆歪了快倒了', '二组电线杆歪了，快倒了，很危险')).toBeGreaterThan(0.5);
    expect(textSimilarity('我们组停电两天了', '电线杆歪了')).toBeLessThan(0.3);
    expect(textSimilarity('', '停电')).toBe(0);
  });

  describe('on the database', () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await createTestApp();
      await buildWorld(app.dataSource);
    });
    afterAll(() => app.close());

    const settings = { windowDays: 7, minSimilarity: 0.3 };

    it('flags a new report like an open one of the same category and village', async () => {
      const first = await buildCitizen(app.dataSource);
      const second = await buildCitizen(app.dataSource);
      const original = await submitReport(app, first, { categoryCode: 'power', text: '二组的电线杆歪了快倒了' });
      const again = await submitReport(app, second, { categoryCode: 'power', text: '二组电线杆歪了，快要倒了' });
      const stored = await app.dataSource.getRepository(Report).findOneByOrFail({ id: again.body.id });
      expect(stored.duplicateOfId).toBe(original.body.id);
      const unrelated = await submitReport(app, second, {
        categoryCode: 'power',
        text: '家里电压太低，电饭锅煮不熟饭',
      });
      expect(
        (await app.dataSource.getRepository(Report).findOneByOrFail({ id: unrelated.body.id })).duplicateOfId,
      ).toBeNull();
    });

    it('ignores other villages, other categories, closed reports and reports outside the window', async () => {
      const citizen = await buildCitizen(app.dataSource);
      const submitted = await submitReport(app, citizen, { categoryCode: 'power', text: '桥头的路灯杆被车撞歪了' });
      const original = await app.dataSource.getRepository(Report).findOneByOrFail({ id: submitted.body.id });
      const probe = { ...original, id: 'probe', createdAt: new Date() };
      expect((await findDuplicate(app.dataSource.manager, probe, settings))?.id).toBe(original.id);
      expect(
        await findDuplicate(app.dataSource.manager, { ...probe, villageCode: REGIONS.jianchiVillage }, settings),
      ).toBeNull();
      expect(await findDuplicate(app.dataSource.manager, { ...probe, categoryCode: 'water' }, settings)).toBeNull();
      expect(
        await findDuplicate(
          app.dataSource.manager,
          { ...probe, createdAt: new Date(Date.now() + 8 * 86400_000) },
          settings,
        ),
      ).toBeNull();
      // A report waiting in triage is compared by the category the classifier predicted for it.
      await app.dataSource
        .getRepository(Report)
        .update(original.id, { categoryCode: null, predictedCategoryCode: 'power', status: 'submitted' });
      expect((await findDuplicate(app.dataSource.manager, probe, settings))?.id).toBe(original.id);
      await app.dataSource.getRepository(Report).update(original.id, { status: 'closed' });
      expect(await findDuplicate(app.dataSource.manager, probe, settings)).toBeNull();
    });
  });
});
