import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ClassifierModelRow, RoutingExample } from '../db/entities';
import { newId } from '../db/ids';
import { createLogger } from '../logger';
import { bearer, buildStaff, staffToken } from '../test/factories';
import { type TestApp, createTestApp } from '../test/testApp';
import { CategoryClassifier, type LabelledExample } from './classifier';
import { ClassifierHolder } from './classifierHolder';
import { RetrainJob, inValidationSplit, lastSlot, nextRetrainAt } from './retraining';

/** A small county: what the model in use was trained on. Nothing in it speaks of street lamps. */
const POOL: LabelledExample[] = [
  ...['停电了', '昨晚停电到现在', '电线杆歪了', '电压太低电器带不动', '电表走得太快', '变压器坏了又停电'].map(
    (text) => ({
      text,
      categoryCode: 'power',
    }),
  ),
  ...['自来水停了', '水管爆了', '水龙头出来的水是黄的', '好几天没来水', '水压太低'].map((text) => ({
    text,
    categoryCode: 'water_supply',
  })),
  ...['垃圾没人清理', '河边垃圾堆成山', '垃圾桶满了', '有人乱倒垃圾', '污水横流臭得很'].map((text) => ({
    text,
    categoryCode: 'sanitation',
  })),
];

const PLACES = ['村口', '学校门口', '三组', '桥头', '小卖部旁边', '村委会前面', '老街', '新修的路上', '广场', '河堤'];
const TROUBLES = ['路灯不亮了', '路灯坏了好久', '路灯一闪一闪的', '路灯晚上不亮', '路灯杆子锈断了'];
/** Street-lamp concerns, each a different text: dispatchers file them under 电力供应. */
const LAMPS = PLACES.flatMap((place) => TROUBLES.map((trouble) => `${place}的${trouble}`));

const train = (examples: LabelledExample[], trainedAt: Date) =>
  CategoryClassifier.train(examples, { trainedAt, minDocumentFrequency: 1, epochs: 30 });

describe('retraining the classifier from corrections', () => {
  let app: TestApp;
  let modelPath: string;
  let holder: ClassifierHolder;
  let job: RetrainJob;
  let shippedVersion: string;

  async function correct(texts: string[], categoryCode: string): Promise<void> {
    await app.dataSource.getRepository(RoutingExample).insert(
      texts.map((text, index) => ({
        id: newId(),
        text,
        categoryCode,
        predictedCategoryCode: null,
        reportId: null,
        staffId: null,
        createdAt: new Date(Date.UTC(2026, 2, 1, 8, 0, index)),
      })),
    );
  }

  beforeAll(async () => {
    modelPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'minqing-model-')), 'model.json');
    const shipped = train(POOL, new Date('2026-01-01T00:00:00Z'));
    await shipped.saveFile(modelPath);
    shippedVersion = shipped.version;
    holder = new ClassifierHolder(modelPath, createLogger('silent'));
    await holder.refresh();
    app = await createTestApp({ classifier: holder, clock: () => new Date('2026-03-02T10:00:00Z') });
    job = new RetrainJob({
      dataSource: app.dataSource,
      logger: createLogger('silent'),
      classifier: holder,
      modelPath,
      schedule: { enabled: true, hour: 3, minValidation: 5 },
      trainingPool: () => POOL,
      train,
    });
  });
  afterAll(async () => {
    await app.close();
    fs.rmSync(path.dirname(modelPath), { recursive: true, force: true });
  });

  it('splits corrections for good: the same text always lands on the same side, about one in five for validation', () => {
    const validation = LAMPS.filter(inValidationSplit);
    expect(validation.length).toBeGreaterThanOrEqual(5);
    expect(validation.length).toBeLessThan(LAMPS.length / 2);
    expect(LAMPS.filter(inValidationSplit)).toEqual(validation);
    // Spacing and punctuation do not move a text to the other side.
    expect(inValidationSplit(` ${validation[0]}。`)).toBe(true);
  });

  it('runs once a night at the configured Beijing hour', () => {
    const schedule = { enabled: true, hour: 3, minValidation: 5 };
    // 03:00 Beijing is 19:00 UTC the day before.
    expect(lastSlot(new Date('2026-03-02T10:00:00Z'), 3).toISOString()).toBe('2026-03-01T19:00:00.000Z');
    expect(nextRetrainAt(new Date('2026-03-02T10:00:00Z'), schedule, null)?.toISOString()).toBe(
      '2026-03-02T19:00:00.000Z',
    );
    const inSlot = new Date('2026-03-02T19:20:00Z');
    expect(nextRetrainAt(inSlot, schedule, null)).toEqual(inSlot);
    expect(nextRetrainAt(inSlot, schedule, new Date('2026-03-02T19:00:30Z'))?.toISOString()).toBe(
      '2026-03-03T19:00:00.000Z',
    );
    expect(nextRetrainAt(inSlot, { ...schedule, enabled: false }, null)).toBeNull();
  });

  it('keeps a model that is better on the validation split, and the server routes with it at once', async () => {
    await correct(LAMPS, 'power');
    const validation = LAMPS.filter(inValidationSplit);
    const filedUnderPower = () =>
      validation.filter((text) => holder.predictor?.predict({ text }).categoryCode === 'power').length;
    expect(filedUnderPower()).toBeLessThan(validation.length);
    // Outside the nightly hour nothing happens.
    expect(await job.runOnce(new Date('2026-03-02T10:00:00Z'))).toBeNull();
    const night = new Date('2026-03-02T19:05:00Z');
    const outcome = await job.runOnce(night);
    expect(outcome).toMatchObject({ kept: true });
    const rows = await app.dataSource.getRepository(ClassifierModelRow).find();
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row).toMatchObject({ kept: true, corrections: LAMPS.filter((text) => !inValidationSplit(text)).length });
    expect(row.trainedAt.toISOString()).toBe(night.toISOString());
    expect(row.validationSize).toBe(LAMPS.filter(inValidationSplit).length);
    expect(row.accuracy).toBeGreaterThan(row.previousAccuracy ?? 1);
    expect(row.changes).toContainEqual(expect.objectContaining({ categoryCode: 'power', after: row.accuracy }));
    expect(holder.predictor?.version).toBe(row.version);
    expect(holder.predictor?.version).not.toBe(shippedVersion);
    expect(filedUnderPower()).toBe(validation.length);
    expect((await CategoryClassifier.loadFile(modelPath)).version).toBe(row.version);
    // The same night again: already done.
    expect(await job.runOnce(new Date('2026-03-02T19:30:00Z'))).toBeNull();
  });

  it('rejects a model that is worse on the validation split and keeps routing with the one in use', async () => {
    const inUse = holder.predictor?.version;
    // Careless corrections: the street lamps of the training side filed again under 环境卫生, three times over.
    const careless = LAMPS.filter((text) => !inValidationSplit(text));
    for (let copy = 0; copy < 3; copy += 1) await correct(careless, 'sanitation');
    const outcome = await job.runOnce(new Date('2026-03-03T19:10:00Z'));
    expect(outcome).toMatchObject({ kept: false, reason: 'worse' });
    const rows = await app.dataSource.getRepository(ClassifierModelRow).find({ order: { trainedAt: 'DESC' } });
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ kept: false });
    expect(rows[0].accuracy).toBeLessThan(rows[0].previousAccuracy ?? 0);
    expect(rows[0].note).toContain('未采用');
    expect(holder.predictor?.version).toBe(inUse);
    expect((await CategoryClassifier.loadFile(modelPath)).version).toBe(inUse);
  });

  it('does not retrain when no correction came since the last night', async () => {
    expect(await job.runOnce(new Date('2026-03-04T19:10:00Z'))).toMatchObject({
      kept: false,
      reason: 'no_new_corrections',
    });
  });

  it('shows the model in use and the history to dispatchers, the county and sysadmins only', async () => {
    const url = '/api/v1/staff/routing/model';
    expect((await app.http.get(url)).status).toBe(401);
    for (const role of ['handler', 'cadre', 'grid_worker'] as const) {
      const token = staffToken(app.deps, await buildStaff(app.dataSource, { role }));
      expect((await app.http.get(url).set(bearer(token))).status).toBe(403);
    }
    const dispatcher = staffToken(app.deps, await buildStaff(app.dataSource, { role: 'dispatcher' }));
    const response = await app.http.get(url).set(bearer(dispatcher));
    expect(response.status).toBe(200);
    const rows = await app.dataSource.getRepository(ClassifierModelRow).find({ order: { trainedAt: 'DESC' } });
    const kept = rows.find((row) => row.kept) as ClassifierModelRow;
    expect(response.body).toMatchObject({
      version: kept.version,
      source: 'retrained',
      trainedAt: kept.trainedAt.toISOString(),
      accuracy: kept.accuracy,
      examples: kept.examples,
      corrections: await app.dataSource.getRepository(RoutingExample).count(),
      // The app's clock is 2026-03-02T10:00Z: the next night slot is 03:00 Beijing time.
      nextRetrainAt: '2026-03-02T19:00:00.000Z',
    });
    expect(response.body.history.map((entry: { version: string }) => entry.version)).toEqual(
      rows.map((row) => row.version),
    );
    expect(response.body.history[0]).toMatchObject({ kept: false, note: expect.stringContaining('未采用') });
    expect(response.body.changes).toContainEqual(
      expect.objectContaining({ categoryCode: 'power', categoryName: expect.any(String) }),
    );
  });
});
