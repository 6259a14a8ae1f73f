import { Report } from '../../db/entities';
import { newId } from '../../db/ids';
import { wgs84ToGcj02 } from '@minqing/shared';
import { TencentMapClient } from '../../integrations/tencentmap/tencentMapClient';
import { geocoderOf } from '../../jobs/geocoding';
import {
  FAKE_MAP_KEY,
  FAKE_MAP_PNG,
  FAKE_MAP_SECRET,
  type FakeTencentMap,
  startFakeTencentMap,
} from '../../test/fakeTencentMap';
import {
  REGIONS,
  bearer,
  buildCitizen,
  buildStaff,
  buildWorld,
  citizenToken,
  staffToken,
  submitReport,
} from '../../test/factories';
import { type TestApp, createTestApp } from '../../test/testApp';

const POINT = { lat: 32.8915, lng: 108.5084 };

describe('a report location: its system, its address, its map', () => {
  let fake: FakeTencentMap;
  let app: TestApp;
  let dispatcher: string;

  beforeAll(async () => {
    fake = await startFakeTencentMap({ secret: FAKE_MAP_SECRET });
    app = await createTestApp({
      maps: new TencentMapClient({ key: FAKE_MAP_KEY, secret: FAKE_MAP_SECRET, endpoint: fake.endpoint }),
    });
    await buildWorld(app.dataSource);
    dispatcher = staffToken(app.deps, await buildStaff(app.dataSource, { role: 'dispatcher' }));
  });
  afterAll(async () => {
    await app.close();
    await fake.close();
  });
  beforeEach(() => {
    fake.calls.length = 0;
    fake.options.failWith = null;
    fake.options.delayMs = 0;
  });

  const stored = (id: string) => app.dataSource.getRepository(Report).findOneByOrFail({ id });
  const staffView = (id: string, token: string) => app.http.get(`/api/v1/staff/reports/${id}`).set(bearer(token));
  const mapOf = (id: string, token?: string) => {
    const call = app.http.get(`/api/v1/staff/reports/${id}/map.png`);
    return token ? call.set(bearer(token)) : call;
  };

  it('answers the submission first, then fills in the address Tencent gives the point', async () => {
    fake.options.delayMs = 200;
    const citizen = await buildCitizen(app.dataSource);
    const submitted = await submitReport(app, citizen, { location: { ...POINT, coordSystem: 'gcj02' } });
    expect(submitted.status).toBe(201);
    // Not waited for: the answer has the point and no address yet.
    expect(submitted.body.location).toEqual({ ...POINT, coordSystem: 'gcj02' });
    const before = await stored(submitted.body.id);
    expect(before.address).toBeNull();
    await geocoderOf(app.deps)!.idle();
    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0]).toMatchObject({ path: '/ws/geocoder/v1/', params: { location: '32.891500,108.508400' } });
    const report = await stored(submitted.body.id);
    expect(report).toMatchObject({ coordSystem: 'gcj02', addressSource: 'geocoder' });
    expect(report.address).toBe('陕西省安康市汉阴县城关镇(32.8915,108.5084)');
    // Not a change to the report's course: the version a transcription or a clerk holds stays valid.
    expect(report.version).toBe(before.version);
    const mine = await app.http
      .get(`/api/v1/reports/${submitted.body.id}`)
      .set(bearer(citizenToken(app.deps, citizen)));
    expect(mine.body.location).toEqual({
      ...POINT,
      coordSystem: 'gcj02',
      address: '陕西省安康市汉阴县城关镇(32.8915,108.5084)',
      addressSource: 'geocoder',
    });
  });

  it('records a browser point as WGS-84 and asks Tencent with it converted to GCJ-02', async () => {
    const submitted = await submitReport(app, await buildCitizen(app.dataSource), {
      location: { ...POINT, coordSystem: 'wgs84' },
    });
    await geocoderOf(app.deps)!.idle();
    const sent = wgs84ToGcj02(POINT);
    expect(fake.calls[0].params.location).toBe(`${sent.lat.toFixed(6)},${sent.lng.toFixed(6)}`);
    expect(await stored(submitted.body.id)).toMatchObject({ lat: POINT.lat, lng: POINT.lng, coordSystem: 'wgs84' });
  });

  it('takes a point sent without its system (an older mini-program) as GCJ-02', async () => {
    const submitted = await submitReport(app, await buildCitizen(app.dataSource), { location: POINT });
    expect(submitted.status).toBe(201);
    expect((await stored(submitted.body.id)).coordSystem).toBe('gcj02');
    await geocoderOf(app.deps)!.idle();
  });

  it("keeps the citizen's own address and never asks Tencent", async () => {
    const submitted = await submitReport(app, await buildCitizen(app.dataSource), {
      location: { ...POINT, coordSystem: 'wgs84', address: '五一村三组王家院子旁' },
    });
    await geocoderOf(app.deps)!.idle();
    expect(fake.calls).toHaveLength(0);
    expect(await stored(submitted.body.id)).toMatchObject({
      address: '五一村三组王家院子旁',
      addressSource: 'citizen',
    });
  });

  it('accepts an address alone (H5 without a position) and keeps it', async () => {
    const submitted = await submitReport(app, await buildCitizen(app.dataSource), {
      location: { address: '五一村三组王家院子旁' },
    });
    expect(submitted.status).toBe(201);
    await geocoderOf(app.deps)!.idle();
    expect(fake.calls).toHaveLength(0);
    expect(await stored(submitted.body.id)).toMatchObject({
      lat: null,
      lng: null,
      coordSystem: null,
      address: '五一村三组王家院子旁',
    });
    const view = await staffView(submitted.body.id, dispatcher);
    expect(view.body.location).toEqual({ address: '五一村三组王家院子旁', addressSource: 'citizen' });
    // No point, no map.
    expect(view.body.mapImageUrl).toBeNull();
    expect((await mapOf(submitted.body.id, dispatcher)).status).toBe(404);
  });

  it.each([
    [{ lat: 32.89 }, 'location.lng'],
    [{ lng: 108.5 }, 'location.lat'],
    [{}, 'location.address'],
    [{ address: '   ' }, 'location.address'],
    [{ ...POINT, coordSystem: 'bd09' }, 'location.coordSystem'],
    [{ address: '院'.repeat(201) }, 'location.address'],
  ])('refuses the location %j with 400 naming %s', async (location, field) => {
    const response = await submitReport(app, await buildCitizen(app.dataSource), { location });
    expect(response.status).toBe(400);
    expect(response.body.error.field).toBe(field);
  });

  it('leaves the point as it is when Tencent answers an error', async () => {
    fake.options.failWith = { status: 121, message: '此key每日调用量已达到上限' };
    const submitted = await submitReport(app, await buildCitizen(app.dataSource), { location: POINT });
    expect(submitted.status).toBe(201);
    await geocoderOf(app.deps)!.idle();
    expect(fake.calls.map((call) => call.status)).toEqual([121]);
    expect(await stored(submitted.body.id)).toMatchObject({ ...POINT, address: null, addressSource: null });
  });

  it('serves the map image to staff who may see the report, through the server', async () => {
    const submitted = await submitReport(app, await buildCitizen(app.dataSource), {
      location: { ...POINT, address: '五一村村口' },
    });
    const view = await staffView(submitted.body.id, dispatcher);
    expect(view.body.mapImageUrl).toBe(`/api/v1/staff/reports/${submitted.body.id}/map.png`);
    expect(JSON.stringify(view.body)).not.toContain(FAKE_MAP_KEY);
    const image = await mapOf(submitted.body.id, dispatcher);
    expect(image.status).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect(Buffer.from(image.body).equals(FAKE_MAP_PNG)).toBe(true);
    expect(fake.calls[0]).toMatchObject({ path: '/ws/staticmap/v2/', params: { key: FAKE_MAP_KEY } });
  });

  it('is scoped like the report: 401 without a staff sign-in, 403 for another township, 404 unknown', async () => {
    const citizen = await buildCitizen(app.dataSource);
    const submitted = await submitReport(app, citizen, { location: POINT });
    await geocoderOf(app.deps)!.idle();
    const elsewhere = staffToken(
      app.deps,
      await buildStaff(app.dataSource, { role: 'dispatcher', regionCode: REGIONS.jianchi }),
    );
    expect((await mapOf(submitted.body.id)).status).toBe(401);
    // A citizen's token is no staff sign-in.
    expect((await mapOf(submitted.body.id, citizenToken(app.deps, citizen))).status).toBe(401);
    expect((await mapOf(submitted.body.id, elsewhere)).status).toBe(403);
    expect((await mapOf(newId(), dispatcher)).status).toBe(404);
    expect((await mapOf('not-an-id', dispatcher)).status).toBe(404);
  });

  it('answers 502 when Tencent cannot draw the map', async () => {
    const submitted = await submitReport(app, await buildCitizen(app.dataSource), {
      location: { ...POINT, address: '五一村村口' },
    });
    fake.options.failWith = { status: 121, message: '此key每日调用量已达到上限' };
    expect((await mapOf(submitted.body.id, dispatcher)).status).toBe(502);
  });

  it('without a key: no geocoding, no map url, and the map answers 503', async () => {
    // The same app started without TENCENT_MAP_KEY (one database per test file on MariaDB).
    const maps = app.deps.maps;
    app.deps.maps = null;
    try {
      const submitted = await submitReport(app, await buildCitizen(app.dataSource), { location: POINT });
      expect(submitted.status).toBe(201);
      expect(geocoderOf(app.deps)).toBeNull();
      const view = await staffView(submitted.body.id, dispatcher);
      expect(view.body.location).toEqual({ ...POINT, coordSystem: 'gcj02' });
      expect(view.body.mapImageUrl).toBeNull();
      const map = await mapOf(submitted.body.id, dispatcher);
      expect(map.status).toBe(503);
      expect(map.body.error.code).toBe('not_configured');
      expect((await mapOf(newId(), dispatcher)).status).toBe(404);
      expect(fake.calls).toHaveLength(0);
      expect((await stored(submitted.body.id)).address).toBeNull();
    } finally {
      app.deps.maps = maps;
    }
  });
});
