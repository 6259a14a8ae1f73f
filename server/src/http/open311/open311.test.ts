import { Open311ErrorSchema } from '@minqing/shared';
import { createPartner } from '../../commands/partnerKeys';
import { ContentCheck, Report, Staff } from '../../db/entities';
import { REGIONS } from '../../test/factories';
import {
  ANSWER,
  OPEN_TEXT,
  OPENNESS_NOW,
  type OpennessWorld,
  RESOLVED_TEXT,
  buildOpennessWorld,
} from '../../test/opennessWorld';
import { type TestApp, createTestApp } from '../../test/testApp';

/**
 * The field sets of the GeoReport v2 specification's own examples (http://wiki.open311.org/GeoReport_v2):
 * every answer must carry exactly these keys.
 */
const SPEC = {
  discovery: ['changeset', 'contact', 'endpoints', 'key_service'],
  endpoint: ['changeset', 'formats', 'specification', 'type', 'url'],
  service: ['description', 'group', 'keywords', 'metadata', 'service_code', 'service_name', 'type'],
  serviceDefinition: ['attributes', 'service_code'],
  serviceRequest: [
    'address',
    'address_id',
    'agency_responsible',
    'description',
    'expected_datetime',
    'lat',
    'long',
    'media_url',
    'requested_datetime',
    'service_code',
    'service_name',
    'service_notice',
    'service_request_id',
    'status',
    'status_notes',
    'updated_datetime',
    'zipcode',
  ],
  created: ['account_id', 'service_notice', 'service_request_id'],
  error: ['code', 'description'],
};
const keys = (value: object) => Object.keys(value).sort();

describe('Open311 GeoReport v2', () => {
  let app: TestApp;
  let world: OpennessWorld;
  let now = OPENNESS_NOW;
  let apiKey: string;
  let revokedKey: string;

  beforeAll(async () => {
    app = await createTestApp({ clock: () => now });
    world = await buildOpennessWorld(app, (at) => {
      now = at;
    });
    const staff = await app.dataSource.getRepository(Staff).findOneByOrFail({ role: 'county' });
    apiKey = (await createPartner(app.deps, { staff, name: '汉阴县12345热线', ip: '127.0.0.1' })).apiKey;
    const revoked = await createPartner(app.deps, { staff, name: '旧系统', ip: '127.0.0.1' });
    revokedKey = revoked.apiKey;
    await app.http
      .post(`/api/v1/staff/partners/${revoked.partner.id}/revoke`)
      .set({ Authorization: `Bearer ${world.tokens.county}` });
  }, 60_000);
  afterAll(() => app.close());

  const expectSpecError = (response: { status: number; body: unknown }, status: number, mentions?: string) => {
    expect(response.status).toBe(status);
    const [error] = Open311ErrorSchema.parse(response.body);
    expect(keys(error)).toEqual(SPEC.error);
    expect(error.code).toBe(status);
    if (mentions) expect(error.description).toContain(mentions);
  };

  it('discovery.json describes the endpoint', async () => {
    const { status, body } = await app.http.get('/open311/v2/discovery.json');
    expect(status).toBe(200);
    expect(keys(body)).toEqual(SPEC.discovery);
    expect(keys(body.endpoints[0])).toEqual(SPEC.endpoint);
    expect(body.endpoints[0]).toMatchObject({
      specification: 'http://wiki.open311.org/GeoReport_v2',
      formats: ['application/json'],
    });
    expect(body.endpoints[0].url).toMatch(/\/open311\/v2$/);
  });

  it('services.json lists the categories as services', async () => {
    const { status, body } = await app.http.get('/open311/v2/services.json');
    expect(status).toBe(200);
    expect(body).toEqual([
      {
        service_code: 'power',
        service_name: '供电',
        description: '供电',
        metadata: false,
        type: 'realtime',
        keywords: '',
        group: '',
      },
    ]);
    for (const service of body) expect(keys(service)).toEqual(SPEC.service);
  });

  it('services/{service_code}.json answers its definition, or the spec’s 404', async () => {
    const found = await app.http.get('/open311/v2/services/power.json');
    expect(found.status).toBe(200);
    expect(keys(found.body)).toEqual(SPEC.serviceDefinition);
    expect(found.body).toEqual({ service_code: 'power', attributes: [] });
    expectSpecError(await app.http.get('/open311/v2/services/nothing.json'), 404);
  });

  it('requests.json shows exactly the village boards’ reports, placed by village only', async () => {
    const { status, body } = await app.http.get('/open311/v2/requests.json');
    expect(status).toBe(200);
    for (const request of body) expect(keys(request)).toEqual(SPEC.serviceRequest);
    expect(body.map((request: { service_request_id: string }) => request.service_request_id)).toEqual([
      world.reports.otherVillage.serialNo,
      world.reports.open.serialNo,
      world.reports.resolved.serialNo,
    ]);
    // The same reports, with the same words, as the boards of both villages.
    const boards = await Promise.all(
      [REGIONS.chengguanVillage, REGIONS.jianchiVillage].map((village) =>
        app.http.get(`/api/v1/public/reports?villageCode=${village}`),
      ),
    );
    const boardSerials = boards.flatMap((board) => board.body.items.map((item: { serialNo: string }) => item.serialNo));
    expect([...boardSerials].sort()).toEqual(
      body.map((request: { service_request_id: string }) => request.service_request_id).sort(),
    );
    const resolved = body.find(
      (request: { service_request_id: string }) => request.service_request_id === world.reports.resolved.serialNo,
    );
    expect(resolved).toMatchObject({
      status: 'closed',
      status_notes: ANSWER,
      service_name: '供电',
      service_code: 'power',
      description: RESOLVED_TEXT,
      agency_responsible: '城关镇供电所',
      address: '城关镇五一村',
      address_id: REGIONS.chengguanVillage,
      lat: null,
      long: null,
      requested_datetime: new Date(OPENNESS_NOW.getTime() - 10 * 24 * 3600 * 1000).toISOString(),
      expected_datetime: expect.any(String),
    });
    const photo = await app.http.get(new URL(resolved.media_url).pathname + new URL(resolved.media_url).search);
    expect(photo.status).toBe(200);
    const open = body.find(
      (request: { service_request_id: string }) => request.service_request_id === world.reports.open.serialNo,
    );
    expect(open).toMatchObject({ status: 'open', status_notes: '已分派', description: OPEN_TEXT, media_url: null });
  });

  it('filters by service_request_id, status, service_code and dates', async () => {
    const serials = async (query: string) =>
      (await app.http.get(`/open311/v2/requests.json?${query}`)).body.map(
        (request: { service_request_id: string }) => request.service_request_id,
      );
    expect(
      await serials(`service_request_id=${world.reports.resolved.serialNo},${world.reports.private.serialNo}`),
    ).toEqual([world.reports.resolved.serialNo]);
    expect(await serials('status=closed')).toEqual([world.reports.resolved.serialNo]);
    expect(await serials('status=open')).toEqual([world.reports.otherVillage.serialNo, world.reports.open.serialNo]);
    expect(await serials('status=open,closed')).toHaveLength(3);
    expect(await serials('service_code=water')).toEqual([]);
    const day = (days: number) => new Date(OPENNESS_NOW.getTime() - days * 24 * 3600 * 1000).toISOString();
    expect(await serials(`start_date=${day(11)}&end_date=${day(5)}`)).toEqual([world.reports.resolved.serialNo]);
    // The board shows 90 days: an older window shows nothing, even the report filed then.
    expect(await serials(`start_date=${day(150)}&end_date=${day(100)}`)).toEqual([]);
  });

  it('refuses a window longer than 90 days and bad filters in the spec’s error format', async () => {
    const day = (days: number) => new Date(OPENNESS_NOW.getTime() - days * 24 * 3600 * 1000).toISOString();
    expectSpecError(
      await app.http.get(`/open311/v2/requests.json?start_date=${day(100)}&end_date=${day(1)}`),
      400,
      'start_date',
    );
    expectSpecError(await app.http.get('/open311/v2/requests.json?start_date=yesterday'), 400, 'start_date');
    expectSpecError(await app.http.get('/open311/v2/requests.json?status=pending'), 400, 'status');
  });

  describe('POST requests.json', () => {
    const filing = {
      service_code: 'power',
      address_id: REGIONS.chengguanVillage,
      description: '12345 转来：五一村四组变压器异响',
      account_id: 'hotline-20261120-001',
    };

    it('files a report with a partner’s api_key through the submitter: categorised, routed, with deadlines', async () => {
      const response = await app.http
        .post('/open311/v2/requests.json')
        .type('form')
        .send({ ...filing, api_key: apiKey });
      expect(response.status).toBe(201);
      expect(response.body).toHaveLength(1);
      expect(keys(response.body[0])).toEqual(SPEC.created);
      expect(response.body[0].account_id).toBe(filing.account_id);
      const report = await app.dataSource
        .getRepository(Report)
        .findOneByOrFail({ serialNo: response.body[0].service_request_id });
      expect(report).toMatchObject({
        serviceCode: 'direct',
        categoryCode: 'power',
        departmentId: world.world.power.id,
        status: 'dispatched',
        villageCode: REGIONS.chengguanVillage,
        text: filing.description,
        anonymous: false,
      });
      expect(report.resolveDueAt).toBeInstanceOf(Date);
    });

    it('is idempotent: the same request again answers the same report', async () => {
      const again = { ...filing, description: '12345 转来：五一村五组路灯不亮', api_key: apiKey };
      const first = await app.http.post('/open311/v2/requests.json').send(again);
      const second = await app.http.post('/open311/v2/requests.json').type('form').send(again);
      expect(first.status).toBe(201);
      expect(second.status).toBe(201);
      expect(second.headers['idempotent-replayed']).toBe('true');
      expect(second.body[0].service_request_id).toBe(first.body[0].service_request_id);
      expect(await app.dataSource.getRepository(Report).countBy({ text: again.description })).toBe(1);
    });

    it('answers 401 without an api_key and 403 for an unknown or revoked one', async () => {
      expectSpecError(await app.http.post('/open311/v2/requests.json').send(filing), 401, 'api_key');
      expectSpecError(
        await app.http.post('/open311/v2/requests.json').send({ ...filing, api_key: 'mq311_guess' }),
        403,
      );
      expectSpecError(await app.http.post('/open311/v2/requests.json').send({ ...filing, api_key: revokedKey }), 403);
      // A citizen's or staff member's bearer token is no api_key.
      expectSpecError(
        await app.http
          .post('/open311/v2/requests.json')
          .set({ Authorization: `Bearer ${world.tokens.county}` })
          .send(filing),
        401,
      );
    });

    it('names the spec’s field in a 400', async () => {
      const post = (body: object) =>
        app.http.post('/open311/v2/requests.json').send({ ...filing, api_key: apiKey, ...body });
      expectSpecError(await post({ address_id: REGIONS.chengguan }), 400, 'address_id');
      expectSpecError(await post({ service_code: 'nothing' }), 400, 'service_code');
      expectSpecError(await post({ description: '' }), 400, 'description');
      expectSpecError(await post({ lat: 'north' }), 400, 'lat');
    });
  });

  it('requests/{id}.json answers one public request, or the spec’s 404 for anything not public', async () => {
    const found = await app.http.get(`/open311/v2/requests/${world.reports.resolved.serialNo}.json`);
    expect(found.status).toBe(200);
    expect(found.body).toHaveLength(1);
    expect(keys(found.body[0])).toEqual(SPEC.serviceRequest);
    expect(found.body[0]).toMatchObject({ service_request_id: world.reports.resolved.serialNo, status: 'closed' });
    for (const key of ['private', 'held', 'anonymous', 'epidemic', 'risk', 'deputy', 'old'] as const)
      expectSpecError(await app.http.get(`/open311/v2/requests/${world.reports[key].serialNo}.json`), 404);
  });

  it('caps an answer at 1000 requests', async () => {
    const template = await app.dataSource.getRepository(Report).findOneByOrFail({ id: world.reports.open.id });
    const [check] = await app.dataSource.getRepository(ContentCheck).findBy({ reportId: template.id, field: 'text' });
    for (let chunk = 0; chunk < 10; chunk += 1) {
      const ids = Array.from({ length: 100 }, (_, index) => String(chunk * 100 + index).padStart(4, '0'));
      await app.dataSource
        .getRepository(Report)
        .insert(ids.map((n) => ({ ...template, id: `01JBULKREPORT000000000${n}`, serialNo: `HY20261119-B${n}` })));
      await app.dataSource.getRepository(ContentCheck).insert(
        ids.map((n) => ({
          ...check,
          id: `01JBULKCHECK0000000000${n}`,
          subjectId: `01JBULKREPORT000000000${n}`,
          reportId: `01JBULKREPORT000000000${n}`,
        })),
      );
    }
    const { body } = await app.http.get('/open311/v2/requests.json');
    expect(body).toHaveLength(1000);
  });
});
