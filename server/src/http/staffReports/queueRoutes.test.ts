import sharp from 'sharp';
import { QUEUE_TAB_KEYS, QueueCountsSchema } from '@minqing/shared';
import { Attachment, AuditLog, Report, ReportEvent } from '../../db/entities';
import { createLogger } from '../../logger';
import { ClassifierHolder } from '../../routing/classifierHolder';
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
} from '../../test/factories';
import { keywordPredictor } from '../../test/keywordPredictor';
import { type TestApp, createTestApp } from '../../test/testApp';

const HOUR = 3600_000;

describe('work queue tabs, counts, triage and bulk dispatch', () => {
  let app: TestApp;
  let world: World;
  let dispatcher: string;
  let handler: string;
  let county: string;
  let sysadmin: string;
  let jianchiDispatcher: string;

  const act = (token: string, reportId: string, body: Record<string, unknown>) =>
    app.http.post(`/api/v1/staff/reports/${reportId}/actions`).set(bearer(token)).send(body);
  const get = (token: string, path: string) => app.http.get(`/api/v1/staff/reports${path}`).set(bearer(token));
  const ids = (response: { body: { items: { id: string }[] } }) => response.body.items.map((item) => item.id);
  const reports = () => app.dataSource.getRepository(Report);

  beforeAll(async () => {
    const predictor = keywordPredictor([
      { keyword: '垃圾', categoryCode: 'sanitation', confidence: 0.45 },
      { keyword: '停电', categoryCode: 'power', confidence: 0.4 },
      { keyword: '化肥', categoryCode: 'agri', confidence: 0.3 },
    ]);
    app = await createTestApp({
      classifier: new ClassifierHolder(null, createLogger('silent'), predictor),
      config: {
        routing: { modelPath: null, confidenceThreshold: 0.9, duplicateWindowDays: 7, duplicateMinSimilarity: 0.3 },
      },
    });
    world = await buildWorld(app.dataSource);
    await buildCategory(app.dataSource, { code: 'sanitation', name: '环境卫生', departmentKind: 'environment' });
    await buildCategory(app.dataSource, { code: 'agri', name: '农业', departmentKind: 'agriculture' });
    await buildCategory(app.dataSource, { code: 'power_line', name: '线路故障', parentCode: 'power' });
    await buildDepartment(app.dataSource, { name: '城关镇综合执法队', kind: 'environment' });
    dispatcher = staffToken(app.deps, await buildStaff(app.dataSource, { role: 'dispatcher' }));
    handler = staffToken(app.deps, await buildStaff(app.dataSource, { role: 'handler', departmentId: world.power.id }));
    county = staffToken(app.deps, await buildStaff(app.dataSource, { role: 'county', regionCode: REGIONS.county }));
    sysadmin = staffToken(app.deps, await buildStaff(app.dataSource, { role: 'sysadmin', regionCode: REGIONS.county }));
    jianchiDispatcher = staffToken(
      app.deps,
      await buildStaff(app.dataSource, { role: 'dispatcher', regionCode: REGIONS.jianchi }),
    );
  });
  afterAll(() => app.close());

  describe('tabs and counts', () => {
    it('counts every tab in one answer, each the size of its list, under the same filters', async () => {
      const citizen = await buildCitizen(app.dataSource);
      const marker = '计数专用水渠';
      const waiting = await submitReport(app, citizen, { categoryCode: 'power', text: `${marker}一` });
      const working = await submitReport(app, citizen, { categoryCode: 'power', text: `${marker}二` });
      await act(handler, working.body.id, { action: 'sign' });
      const soon = await submitReport(app, citizen, { categoryCode: 'power', text: `${marker}三` });
      await reports().update({ id: soon.body.id }, { resolveDueAt: new Date(Date.now() + 3 * HOUR) });
      const late = await submitReport(app, citizen, { categoryCode: 'power', text: `${marker}四` });
      await reports().update({ id: late.body.id }, { resolveDueAt: new Date(Date.now() - HOUR) });
      const triage = await submitReport(app, citizen, { text: `${marker}五` });

      const keyword = `keyword=${encodeURIComponent(marker)}`;
      const counts = await get(dispatcher, `/counts?${keyword}`);
      expect(counts.status).toBe(200);
      expect(QueueCountsSchema.parse(counts.body)).toEqual({
        dispatched: 3,
        accepted: 1,
        due_soon: 1,
        overdue: 1,
        done: 0,
        all: 5,
        submitted: 1,
        filed: 0,
      });
      for (const tab of QUEUE_TAB_KEYS) {
        const list = await get(dispatcher, `?tab=${tab}&${keyword}&pageSize=100`);
        expect([tab, list.body.total]).toEqual([tab, counts.body[tab]]);
      }
      expect(ids(await get(dispatcher, `?tab=overdue&${keyword}`))).toEqual([late.body.id]);
      expect(ids(await get(dispatcher, `?tab=due_soon&${keyword}`))).toEqual([soon.body.id]);
      expect(ids(await get(dispatcher, `?tab=submitted&${keyword}`))).toEqual([triage.body.id]);
      expect(ids(await get(dispatcher, `?tab=accepted&${keyword}`))).toEqual([working.body.id]);
      expect(ids(await get(dispatcher, `?tab=dispatched&${keyword}`)).sort()).toEqual(
        [waiting.body.id, soon.body.id, late.body.id].sort(),
      );
      // A handler counts only its department's reports: never the one waiting for dispatch.
      expect((await get(handler, `/counts?${keyword}`)).body).toMatchObject({ all: 4, submitted: 0 });
    });

    it('guards the counts like the list: 401, 403 for sysadmins and other townships, 400 naming the field', async () => {
      expect((await app.http.get('/api/v1/staff/reports/counts')).status).toBe(401);
      expect((await get(sysadmin, '/counts')).status).toBe(403);
      expect((await get(dispatcher, `/counts?regionCode=${REGIONS.jianchi}`)).status).toBe(403);
      const badTier = await get(dispatcher, '/counts?tier=urgent');
      expect(badTier.status).toBe(400);
      expect(badTier.body.error.field).toBe('tier');
      const badTab = await get(dispatcher, '?tab=later');
      expect(badTab.status).toBe(400);
      expect(badTab.body.error.field).toBe('tab');
    });

    it('keeps each township to its own counts and lets the county narrow to one', async () => {
      const citizen = await buildCitizen(app.dataSource, { villageCode: REGIONS.jianchiVillage });
      const marker = '涧池计数专用';
      await submitReport(app, citizen, { villageCode: REGIONS.jianchiVillage, text: marker });
      const keyword = `keyword=${encodeURIComponent(marker)}`;
      expect((await get(dispatcher, `/counts?${keyword}`)).body.all).toBe(0);
      expect((await get(jianchiDispatcher, `/counts?${keyword}`)).body.all).toBe(1);
      expect((await get(county, `/counts?${keyword}&regionCode=${REGIONS.jianchi}`)).body.all).toBe(1);
      expect((await get(county, `/counts?${keyword}&regionCode=${REGIONS.chengguan}`)).body.all).toBe(0);
    });
  });

  describe('filters', () => {
    it('filters by service, category with its subcategories, village, department and tier', async () => {
      const citizen = await buildCitizen(app.dataSource);
      const marker = '筛选专用';
      const power = await submitReport(app, citizen, { categoryCode: 'power', text: `${marker}电` });
      const line = await submitReport(app, citizen, {
        categoryCode: 'power_line',
        text: `${marker}线`,
        serviceCode: 'deputy',
      });
      const keyword = `keyword=${encodeURIComponent(marker)}`;
      expect(ids(await get(dispatcher, `?${keyword}&categoryCode=power`)).sort()).toEqual(
        [power.body.id, line.body.id].sort(),
      );
      expect(ids(await get(dispatcher, `?${keyword}&categoryCode=power_line`))).toEqual([line.body.id]);
      expect(ids(await get(dispatcher, `?${keyword}&serviceCode=deputy`))).toEqual([line.body.id]);
      expect(ids(await get(dispatcher, `?${keyword}&regionCode=${REGIONS.chengguanVillage}`))).toHaveLength(2);
      expect(ids(await get(dispatcher, `?${keyword}&departmentId=${world.agriculture.id}`))).toEqual([]);
      expect(ids(await get(dispatcher, `?${keyword}&departmentId=${world.power.id}`))).toHaveLength(2);
      await act(county, power.body.id, { action: 'escalate', note: '加快' });
      expect(ids(await get(dispatcher, `?${keyword}&tier=difficult`))).toEqual([power.body.id]);
      expect((await get(dispatcher, `?${keyword}&serviceCode=nothing`)).body.error.field).toBe('serviceCode');
    });
  });

  describe('triage', () => {
    it("lists reports waiting for dispatch in scope with the classifier's top three and their departments", async () => {
      const citizen = await buildCitizen(app.dataSource);
      const waiting = await submitReport(app, citizen, { text: '河边垃圾堆了好多，没人清理' });
      const elsewhere = await submitReport(
        app,
        await buildCitizen(app.dataSource, { villageCode: REGIONS.jianchiVillage }),
        {
          villageCode: REGIONS.jianchiVillage,
          text: '紫云村垃圾没人清理',
        },
      );
      const list = await get(dispatcher, '/triage?pageSize=100');
      expect(list.status).toBe(200);
      expect(ids(list)).toContain(waiting.body.id);
      expect(ids(list)).not.toContain(elsewhere.body.id);
      const row = list.body.items.find((item: { id: string }) => item.id === waiting.body.id);
      expect(row).toMatchObject({
        status: 'submitted',
        text: '河边垃圾堆了好多，没人清理',
        prediction: { categoryCode: 'sanitation', confidence: 0.45 },
      });
      expect(row.suggestions).toHaveLength(3);
      expect(row).toMatchObject({ threshold: 0.9, oneClick: false });
      expect(row.suggestions[0]).toMatchObject({
        categoryCode: 'sanitation',
        categoryName: '环境卫生',
        departmentName: '城关镇综合执法队',
        confidence: 0.45,
      });
      // Below the routing threshold (0.5 here) none is confident: the panel offers no one-click dispatch.
      expect(row.suggestions.map((suggestion: { confident: boolean }) => suggestion.confident)).toEqual([
        false,
        false,
        false,
      ]);
      expect(
        row.suggestions.find((suggestion: { categoryCode: string }) => suggestion.categoryCode === 'power'),
      ).toMatchObject({
        departmentId: world.power.id,
        departmentName: '城关镇供电所',
      });
      const byKeyword = await get(dispatcher, `/triage?keyword=${encodeURIComponent('河边垃圾')}`);
      expect(ids(byKeyword)).toEqual([waiting.body.id]);
    });

    it('offers the three most confident suggestions, best first, and one-click dispatch only from the threshold', async () => {
      const citizen = await buildCitizen(app.dataSource);
      const sure = await submitReport(app, citizen, { text: '三组的电线被风刮断了，一片都没有电' });
      const unsure = await submitReport(app, citizen, { text: '三组的电线被风刮断了，还砸坏了围墙' });
      const stored = [
        { categoryCode: 'agri', confidence: 0.01, departmentId: world.agriculture.id },
        { categoryCode: 'sanitation', confidence: 0.02, departmentId: null },
        { categoryCode: 'power', confidence: 0.93, departmentId: world.power.id },
        { categoryCode: 'power_line', confidence: 0.04, departmentId: world.power.id },
      ];
      await reports().update({ id: sure.body.id }, { status: 'submitted', departmentId: null, suggestions: stored });
      await reports().update(
        { id: unsure.body.id },
        {
          status: 'submitted',
          departmentId: null,
          suggestions: stored.map((suggestion) => ({
            ...suggestion,
            confidence: suggestion.categoryCode === 'power' ? 0.89 : suggestion.confidence,
          })),
        },
      );
      const list = await get(dispatcher, '/triage?pageSize=100');
      const row = (id: string) => list.body.items.find((item: { id: string }) => item.id === id);
      const confidences = (id: string) =>
        row(id).suggestions.map((suggestion: { confidence: number }) => suggestion.confidence);
      expect(
        row(sure.body.id).suggestions.map((suggestion: { categoryCode: string }) => suggestion.categoryCode),
      ).toEqual(['power', 'power_line', 'sanitation']);
      expect(confidences(sure.body.id)).toEqual([0.93, 0.04, 0.02]);
      expect(row(sure.body.id)).toMatchObject({ threshold: 0.9, oneClick: true });
      expect(row(sure.body.id).suggestions[0]).toMatchObject({ confident: true, departmentName: '城关镇供电所' });
      // Just below the threshold: the same suggestions, but the dispatcher chooses.
      expect(confidences(unsure.body.id)).toEqual([0.89, 0.04, 0.02]);
      expect(row(unsure.body.id)).toMatchObject({ threshold: 0.9, oneClick: false });
    });

    it('lists suspected duplicates with the report they resemble, within scope', async () => {
      const citizen = await buildCitizen(app.dataSource);
      const original = await submitReport(app, citizen, { categoryCode: 'power', text: '三组电线杆歪了快倒了' });
      const again = await submitReport(app, citizen, { categoryCode: 'power', text: '三组电线杆歪了，快要倒了' });
      await reports().update({ id: again.body.id }, { duplicateOfId: original.body.id });
      const list = await get(dispatcher, '/triage?view=duplicates&pageSize=100');
      const row = list.body.items.find((item: { id: string }) => item.id === again.body.id);
      expect(row.duplicateOf).toMatchObject({
        id: original.body.id,
        serialNo: original.body.serialNo,
        status: 'dispatched',
      });
      expect(ids(list)).not.toContain(original.body.id);
      // Once merged it is no longer a candidate.
      const merged = await act(dispatcher, again.body.id, { action: 'merge', targetReportId: original.body.id });
      expect(merged.body.status).toBe('merged');
      expect(ids(await get(dispatcher, '/triage?view=duplicates&pageSize=100'))).not.toContain(again.body.id);
    });

    it('is for dispatchers and the county only, and validates its query', async () => {
      expect((await app.http.get('/api/v1/staff/reports/triage')).status).toBe(401);
      expect((await get(handler, '/triage')).status).toBe(403);
      expect((await get(sysadmin, '/triage')).status).toBe(403);
      expect((await get(dispatcher, `/triage?regionCode=${REGIONS.jianchi}`)).status).toBe(403);
      const bad = await get(dispatcher, '/triage?view=everything');
      expect(bad.status).toBe(400);
      expect(bad.body.error.field).toBe('view');
    });
  });

  describe('bulk dispatch', () => {
    const bulk = (token: string, body: Record<string, unknown>) =>
      app.http.post('/api/v1/staff/reports/bulk-assign').set(bearer(token)).send(body);

    it('assigns each report on its own and answers per report, with events and audit lines', async () => {
      const citizen = await buildCitizen(app.dataSource);
      const first = await submitReport(app, citizen, { text: '批量一：垃圾' });
      const second = await submitReport(app, citizen, { text: '批量二：垃圾' });
      const taken = await submitReport(app, citizen, { categoryCode: 'power', text: '已派出的' });
      const jianchi = await submitReport(
        app,
        await buildCitizen(app.dataSource, { villageCode: REGIONS.jianchiVillage }),
        {
          villageCode: REGIONS.jianchiVillage,
          text: '别镇的',
        },
      );
      const response = await bulk(dispatcher, {
        reportIds: [first.body.id, second.body.id, taken.body.id, jianchi.body.id],
        departmentId: world.power.id,
        categoryCode: 'power',
      });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ succeeded: 2, failed: 2 });
      expect(response.body.results).toEqual([
        { reportId: first.body.id, ok: true, serialNo: first.body.serialNo, status: 'dispatched', error: null },
        { reportId: second.body.id, ok: true, serialNo: second.body.serialNo, status: 'dispatched', error: null },
        {
          reportId: taken.body.id,
          ok: false,
          serialNo: taken.body.serialNo,
          status: 'dispatched',
          error: expect.objectContaining({ code: 'invalid_transition' }),
        },
        // Outside the dispatcher's township: not even its serial number is told.
        {
          reportId: jianchi.body.id,
          ok: false,
          serialNo: null,
          status: null,
          error: expect.objectContaining({ code: 'forbidden' }),
        },
      ]);
      for (const report of [first, second]) {
        expect(await reports().findOneByOrFail({ id: report.body.id })).toMatchObject({
          status: 'dispatched',
          departmentId: world.power.id,
          categoryCode: 'power',
        });
        expect(
          await app.dataSource.getRepository(ReportEvent).countBy({ reportId: report.body.id, type: 'assign' }),
        ).toBe(1);
        expect(
          await app.dataSource.getRepository(AuditLog).countBy({ targetId: report.body.id, action: 'report.assign' }),
        ).toBe(1);
      }
      expect(await reports().findOneByOrFail({ id: jianchi.body.id })).toMatchObject({
        status: 'submitted',
        departmentId: null,
      });
      expect(await app.dataSource.getRepository(AuditLog).countBy({ targetId: jianchi.body.id })).toBe(0);
    });

    it('refuses a department that does not serve the report, per report', async () => {
      const citizen = await buildCitizen(app.dataSource);
      const report = await submitReport(app, citizen, { text: '错误部门' });
      const response = await bulk(dispatcher, { reportIds: [report.body.id], departmentId: world.jianchiPower.id });
      expect(response.body.results[0]).toMatchObject({
        ok: false,
        error: { code: 'bad_request', field: 'departmentId' },
      });
      expect((await reports().findOneByOrFail({ id: report.body.id })).status).toBe('submitted');
    });

    it('answers 401, 403 for handlers, and 400 naming the field', async () => {
      const citizen = await buildCitizen(app.dataSource);
      const report = await submitReport(app, citizen, { text: '校验' });
      expect((await app.http.post('/api/v1/staff/reports/bulk-assign').send({})).status).toBe(401);
      expect((await bulk(handler, { reportIds: [report.body.id], departmentId: world.power.id })).status).toBe(403);
      const none = await bulk(dispatcher, { reportIds: [], departmentId: world.power.id });
      expect(none.status).toBe(400);
      expect(none.body.error.field).toBe('reportIds');
      const twice = await bulk(dispatcher, {
        reportIds: [report.body.id, report.body.id],
        departmentId: world.power.id,
      });
      expect(twice.body.error.field).toBe('reportIds');
      const noDepartment = await bulk(dispatcher, { reportIds: [report.body.id] });
      expect(noDepartment.body.error.field).toBe('departmentId');
      const unknown = await bulk(dispatcher, {
        reportIds: [report.body.id],
        departmentId: world.power.id.replace(/.$/, (last) => (last === 'Z' ? 'Y' : 'Z')),
      });
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.field).toBe('departmentId');
      expect((await reports().findOneByOrFail({ id: report.body.id })).status).toBe('submitted');
    });
  });

  describe('drawer actions from the panel', () => {
    it('transfers to another department, which must then sign', async () => {
      const citizen = await buildCitizen(app.dataSource);
      const report = await submitReport(app, citizen, { categoryCode: 'power' });
      const same = await act(dispatcher, report.body.id, { action: 'transfer', departmentId: world.power.id });
      expect(same.body.error.field).toBe('departmentId');
      const moved = await act(dispatcher, report.body.id, {
        action: 'transfer',
        departmentId: world.agriculture.id,
        note: '属农业部门',
      });
      expect(moved.body).toMatchObject({ status: 'dispatched', department: { id: world.agriculture.id } });
      const event = await app.dataSource
        .getRepository(ReportEvent)
        .findOneByOrFail({ reportId: report.body.id, type: 'transfer' });
      expect(event).toMatchObject({ departmentId: world.agriculture.id, note: '属农业部门' });
      expect((await act(handler, report.body.id, { action: 'sign' })).status).toBe(403);
    });

    it('resolves with photos the handler uploaded, shown on the timeline', async () => {
      const citizen = await buildCitizen(app.dataSource);
      const report = await submitReport(app, citizen, { categoryCode: 'power' });
      await act(handler, report.body.id, { action: 'sign' });
      const photo = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#3366cc' } })
        .jpeg()
        .toBuffer();
      const uploaded = await app.http
        .post('/api/v1/uploads')
        .set(bearer(handler))
        .attach('file', photo, { filename: 'fixed.jpg', contentType: 'image/jpeg' });
      expect(uploaded.status).toBe(201);
      const resolved = await act(handler, report.body.id, {
        action: 'resolve',
        note: '已更换电线杆',
        photoUploadIds: [uploaded.body.id],
      });
      expect(resolved.status).toBe(200);
      expect(resolved.body.timeline.at(-1)).toMatchObject({
        type: 'resolve',
        note: '已更换电线杆',
        attachments: [{ id: uploaded.body.id, kind: 'photo' }],
      });
      expect(await app.dataSource.getRepository(Attachment).findOneByOrFail({ id: uploaded.body.id })).toMatchObject({
        reportId: report.body.id,
      });
    });
  });
});
