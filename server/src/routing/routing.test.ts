import { Report, ReportEvent, RoutingExample } from '../db/entities';
import { createLogger } from '../logger';
import {
  REGIONS,
  type World,
  bearer,
  buildCategory,
  buildCitizen,
  buildDepartment,
  buildStaff,
  buildWorld,
  staffToken,
  submitReport,
} from '../test/factories';
import { keywordPredictor } from '../test/keywordPredictor';
import { type TestApp, createTestApp } from '../test/testApp';
import { seedDemo } from '../db/seed/demoSeed';
import { DEFAULT_MODEL_PATH } from './classifier';
import { loadCorrections } from '../commands/routingCorrections';
import { ClassifierHolder } from './classifierHolder';

describe('routing new reports', () => {
  let app: TestApp;
  let world: World;
  let dispatcher: string;

  beforeAll(async () => {
    const predictor = keywordPredictor([
      { keyword: '停电', categoryCode: 'power', confidence: 0.92 },
      { keyword: '垃圾', categoryCode: 'sanitation', confidence: 0.45 },
      { keyword: '化肥', categoryCode: 'agri', confidence: 0.9 },
    ]);
    app = await createTestApp({ classifier: new ClassifierHolder(null, createLogger('silent'), predictor) });
    world = await buildWorld(app.dataSource);
    await buildCategory(app.dataSource, { code: 'sanitation', name: '环境卫生', departmentKind: 'environment' });
    await buildCategory(app.dataSource, { code: 'agri', name: '农业', departmentKind: 'agriculture', resolveDays: 15 });
    await buildDepartment(app.dataSource, { name: '城关镇综合执法队', kind: 'environment' });
    dispatcher = staffToken(app.deps, await buildStaff(app.dataSource, { role: 'dispatcher' }));
  });
  afterAll(() => app.close());

  it('sends a confidently classified report straight to the department, and says why on the timeline', async () => {
    const citizen = await buildCitizen(app.dataSource);
    const response = await submitReport(app, citizen, { text: '我们组停电一整天了' });
    expect(response.body).toMatchObject({
      status: 'dispatched',
      category: { code: 'power' },
      department: { id: world.power.id },
    });
    const route = await app.dataSource
      .getRepository(ReportEvent)
      .findOneByOrFail({ reportId: response.body.id, type: 'route' });
    expect(route.data).toMatchObject({
      reason: 'classified',
      categoryCode: 'power',
      predictedCategoryCode: 'power',
      confidence: 0.92,
      modelVersion: 'keywords-for-tests',
    });
    expect(route.departmentId).toBe(world.power.id);
  });

  it('uses the county bureau when the township has no department of the kind', async () => {
    const citizen = await buildCitizen(app.dataSource);
    const response = await submitReport(app, citizen, { text: '买到假化肥了' });
    expect(response.body.department).toEqual({ id: world.agriculture.id, name: '县农业农村局' });
  });

  it('leaves an unsure report in triage with the top three suggestions for the dispatcher', async () => {
    const citizen = await buildCitizen(app.dataSource);
    const response = await submitReport(app, citizen, { text: '河边垃圾堆了好多' });
    expect(response.body).toMatchObject({ status: 'submitted', department: null, category: null });
    const stored = await app.dataSource.getRepository(Report).findOneByOrFail({ id: response.body.id });
    expect(stored).toMatchObject({ predictedCategoryCode: 'sanitation', predictionConfidence: 0.45 });
    const view = await app.http.get(`/api/v1/staff/reports/${response.body.id}`).set(bearer(dispatcher));
    expect(view.body.prediction).toEqual({ categoryCode: 'sanitation', confidence: 0.45 });
    expect(view.body.suggestions).toHaveLength(3);
    expect(view.body.suggestions[0]).toMatchObject({
      categoryCode: 'sanitation',
      categoryName: '环境卫生',
      departmentName: '城关镇综合执法队',
    });
    const submitted = await app.dataSource
      .getRepository(ReportEvent)
      .findOneByOrFail({ reportId: response.body.id, type: 'submitted' });
    expect(submitted.data).toMatchObject({ reason: 'low_confidence', predictedCategoryCode: 'sanitation' });
    expect(submitted.public).toBe(true);
    const citizenView = await app.http
      .get(`/api/v1/reports/${response.body.id}`)
      .set(bearer(app.deps.tokens.sign({ sub: citizen.id, kind: 'citizen', ver: 0, exp: Date.now() / 1000 + 60 })));
    expect(JSON.stringify(citizenView.body)).not.toContain('low_confidence');
  });

  it("keeps the dispatcher's choice of category as a training example and sets the category's deadlines", async () => {
    const citizen = await buildCitizen(app.dataSource);
    const response = await submitReport(app, citizen, { text: '河边垃圾没人清理' });
    const environment = (await app.http.get('/api/v1/staff/departments').set(bearer(dispatcher))).body.find(
      (department: { name: string }) => department.name === '城关镇综合执法队',
    );
    const unknownCategory = await app.http
      .post(`/api/v1/staff/reports/${response.body.id}/actions`)
      .set(bearer(dispatcher))
      .send({ action: 'assign', departmentId: environment.id, categoryCode: 'nothing' });
    expect(unknownCategory.status).toBe(400);
    expect(unknownCategory.body.error.field).toBe('categoryCode');
    const assigned = await app.http
      .post(`/api/v1/staff/reports/${response.body.id}/actions`)
      .set(bearer(dispatcher))
      .send({ action: 'assign', departmentId: environment.id, categoryCode: 'sanitation' });
    expect(assigned.body).toMatchObject({
      status: 'dispatched',
      category: { code: 'sanitation' },
      department: { name: '城关镇综合执法队' },
    });
    const examples = await app.dataSource.getRepository(RoutingExample).findBy({ reportId: response.body.id });
    expect(examples).toEqual([
      expect.objectContaining({
        text: '河边垃圾没人清理',
        categoryCode: 'sanitation',
        predictedCategoryCode: 'sanitation',
      }),
    ]);
    expect(await loadCorrections(app.dataSource.manager)).toContainEqual({
      text: '河边垃圾没人清理',
      categoryCode: 'sanitation',
    });
  });

  it('trusts a category the citizen chose over the classifier', async () => {
    const citizen = await buildCitizen(app.dataSource);
    const response = await submitReport(app, citizen, { text: '我们组停电了', categoryCode: 'sanitation' });
    expect(response.body.category.code).toBe('sanitation');
  });

  it('flags a likely duplicate for the dispatcher and lists it under duplicates', async () => {
    const citizen = await buildCitizen(app.dataSource);
    const first = await submitReport(app, citizen, { text: '村委会门口垃圾堆成山了没人管' });
    const second = await submitReport(app, await buildCitizen(app.dataSource), { text: '村委会门口的垃圾堆成山了' });
    const view = await app.http.get(`/api/v1/staff/reports/${second.body.id}`).set(bearer(dispatcher));
    expect(view.body.duplicateOf).toMatchObject({ id: first.body.id, serialNo: first.body.serialNo });
    const queue = await app.http.get('/api/v1/staff/reports?duplicates=true').set(bearer(dispatcher));
    expect(queue.body.items.map((item: { id: string }) => item.id)).toContain(second.body.id);
    expect(queue.body.items.map((item: { id: string }) => item.id)).not.toContain(first.body.id);
    expect(REGIONS.chengguanVillage).toBe(second.body.villageCode);
  });
});

describe('routing with the shipped model in the demo county', () => {
  let app: TestApp;

  beforeAll(async () => {
    const classifier = new ClassifierHolder(DEFAULT_MODEL_PATH, createLogger('silent'));
    await classifier.refresh();
    app = await createTestApp({
      classifier,
      config: {
        routing: { modelPath: null, confidenceThreshold: null, duplicateWindowDays: 7, duplicateMinSimilarity: 0.3 },
      },
    });
    await seedDemo(app.dataSource, { cipher: app.deps.cipher });
    // Seeding the whole demo county takes over 30 s on MariaDB when the machine is busy.
  }, 120_000);
  afterAll(() => app.close());

  it.each([
    ['昨天夜里开始就没电了到现在还没来', '城关镇供电所'],
    ['我家娃娃在学校被人欺负了想转学', '县教体局'],
    ['村头小卖部后面有人聚众赌博还放高利贷', '城关镇派出所'],
  ])('sends “%s” to %s', async (text, departmentName) => {
    const citizen = await buildCitizen(app.dataSource);
    const response = await submitReport(app, citizen, { text, villageCode: '610921100201' });
    expect(response.status).toBe(201);
    expect(response.body.department?.name).toBe(departmentName);
  });
});
