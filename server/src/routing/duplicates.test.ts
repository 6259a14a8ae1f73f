import { Report } from '../db/entities';
import { REGIONS, buildCategory, buildCitizen, buildWorld, submitReport } from '../test/factories';
import { type TestApp, createTestApp } from '../test/testApp';
import { findDuplicate, textSimilarity } from './duplicates';

describe('duplicate reports', () => {
  it('calls texts similar by their shared character bigrams, ignoring punctuation and spaces', () => {
    expect(textSimilarity('村口电线杆倾斜了', '村口电线杆倾斜了！')).toBe(1);
    expect(textSimilarity('五一村二组的电线杆歪了快倒了', '二组电线杆歪了，快倒了，很危险')).toBeGreaterThan(0.5);
    expect(textSimilarity('我们组停电两天了', '电线杆歪了')).toBeLessThan(0.3);
    expect(textSimilarity('', '停电')).toBe(0);
  });

  it("scores exactly as the Dice coefficient of the texts' bigram strings", () => {
    // The definition, on strings: what the numeric bigrams must reproduce.
    const bigramStrings = (text: string) => {
      const plain = text.toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '');
      const grams = new Set<string>();
      for (let index = 0; index + 1 < plain.length; index++) grams.add(plain.slice(index, index + 2));
      if (plain.length === 1) grams.add(plain);
      return grams;
    };
    const dice = (a: string, b: string) => {
      const [left, right] = [bigramStrings(a), bigramStrings(b)];
      if (left.size === 0 || right.size === 0) return 0;
      return (2 * [...left].filter((gram) => right.has(gram)).length) / (left.size + right.size);
    };
    const fixed = [
      '电',
      '电。',
      '电\u0000',
      'a',
      'A',
      'ab',
      'Ab',
      '𠮷',
      '𠮷野家',
      '路灯坏了',
      '路灯 坏了！',
      '灯坏',
      'x\u0000y',
    ];
    // And texts of a few characters drawn from a small alphabet, so that bigrams meet often.
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    const alphabet = ['电', '灯', '路', '坏', 'a', 'B', ' ', '，', '\u0000', '\ud842', '\udfb7', 'é'];
    const drawn = Array.from({ length: 60 }, () =>
      Array.from({ length: 1 + (next() % 5) }, () => alphabet[next() % alphabet.length]).join(''),
    );
    const texts = [...fixed, ...drawn];
    const pairs = texts.flatMap((a) => texts.map((b) => [a, b] as const));
    expect(pairs.map(([a, b]) => [a, b, textSimilarity(a, b)])).toEqual(pairs.map(([a, b]) => [a, b, dice(a, b)]));
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

    it('answers submissions asking at once as it would one at a time, in fewer statements', async () => {
      await buildCategory(app.dataSource, { code: 'lights', name: '路灯', sortOrder: 9 });
      const citizen = await buildCitizen(app.dataSource);
      const base = new Date('2026-11-20T08:00:00Z');
      const reports = app.dataSource.getRepository(Report);
      const file = async (text: string, daysBefore: number, village: string = REGIONS.chengguanVillage) => {
        const { body } = await submitReport(app, citizen, { categoryCode: 'lights', villageCode: village, text });
        await reports.update(body.id, { createdAt: new Date(base.getTime() - daysBefore * 86400_000) });
        return body.id as string;
      };
      const older = await file('五组路口的路灯不亮了好几天', 5);
      const newer = await file('五组路口路灯晚上不亮，很黑', 1);
      const elsewhere = await file('五组路口的路灯不亮了好几天', 1, REGIONS.jianchiVillage);
      const probe = {
        id: 'probe',
        villageCode: REGIONS.chengguanVillage,
        categoryCode: 'lights',
        predictedCategoryCode: null,
        text: '五组路口的路灯不亮了好几天',
        transcript: null,
        createdAt: base,
      };
      const probes = [
        probe, // both in its window: the same text wins
        { ...probe, createdAt: new Date(base.getTime() + 3 * 86400_000) }, // the older one is out of its window
        { ...probe, createdAt: new Date(base.getTime() + 7 * 86400_000) }, // both are
        { ...probe, villageCode: REGIONS.jianchiVillage },
        { ...probe, categoryCode: null, predictedCategoryCode: 'lights' },
        { ...probe, categoryCode: 'power' },
        probe,
        { ...probe, createdAt: new Date(base.getTime() + 3 * 86400_000) },
      ];
      const alone = [];
      for (const one of probes) alone.push(await findDuplicate(app.dataSource.manager, one, settings));
      expect(alone.map((found) => found?.id ?? null)).toEqual([
        older,
        newer,
        null,
        elsewhere,
        older,
        null,
        older,
        newer,
      ]);

      const sent = jest.spyOn(app.dataSource.manager, 'query');
      try {
        const together = await Promise.all(probes.map((one) => findDuplicate(app.dataSource.manager, one, settings)));
        expect(together).toEqual(alone);
        // The first asks alone; the other seven (three villages and categories) wait for it and are
        // read together: one statement each time, not two per submission.
        expect(sent).toHaveBeenCalledTimes(2);
      } finally {
        sent.mockRestore();
      }
    });

    it('compares the newest 30 candidates only, alone and together', async () => {
      await buildCategory(app.dataSource, { code: 'bins', name: '垃圾清运', sortOrder: 10 });
      const citizen = await buildCitizen(app.dataSource);
      const base = new Date('2026-11-20T08:00:00Z');
      const reports = app.dataSource.getRepository(Report);
      const file = async (text: string, minutesBefore: number) => {
        const { body } = await submitReport(app, citizen, { categoryCode: 'bins', text });
        await reports.update(body.id, { createdAt: new Date(base.getTime() - minutesBefore * 60_000) });
        return body.id as string;
      };
      const oldest = await file('垃圾桶满了好几天没人清理', 31);
      const probe = {
        id: 'probe',
        villageCode: REGIONS.chengguanVillage,
        categoryCode: 'bins',
        predictedCategoryCode: null,
        text: '垃圾桶满了好几天没人清理',
        transcript: null,
        createdAt: base,
      };
      expect((await findDuplicate(app.dataSource.manager, probe, settings))?.id).toBe(oldest);
      for (let minutes = 30; minutes >= 1; minutes--) await file(`第${minutes}号路段井盖松动`, minutes);
      expect(await findDuplicate(app.dataSource.manager, probe, settings)).toBeNull();
      expect(
        await Promise.all(
          [probe, probe, { ...probe, categoryCode: null, predictedCategoryCode: 'bins' }].map((one) =>
            findDuplicate(app.dataSource.manager, one, settings),
          ),
        ),
      ).toEqual([null, null, null]);
    });
  });
});
