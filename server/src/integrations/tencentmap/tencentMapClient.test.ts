import { createHash } from 'node:crypto';
import {
  FAKE_MAP_KEY,
  FAKE_MAP_PNG,
  FAKE_MAP_SECRET,
  type FakeTencentMap,
  startFakeTencentMap,
} from '../../test/fakeTencentMap';
import { wgs84ToGcj02 } from '@minqing/shared';
import { TencentMapClient, TencentMapError, signedQuery } from './tencentMapClient';

describe('Tencent LBS client against the local fake', () => {
  let fake: FakeTencentMap;
  const client = (key = FAKE_MAP_KEY, secret: string | null = null) =>
    new TencentMapClient({ key, secret, endpoint: fake.endpoint });
  const POINT = { lat: 32.8915, lng: 108.5084, coordSystem: 'gcj02' as const };

  beforeAll(async () => {
    fake = await startFakeTencentMap();
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    fake.calls.length = 0;
    fake.options.secret = null;
    fake.options.failWith = null;
    fake.options.addressFor = undefined;
  });

  it('signs as Tencent documents: md5 of the path, the sorted raw query and the SK', () => {
    const query = signedQuery('/ws/geocoder/v1/', { location: '39.9,116.4', key: 'K' }, 'SK');
    const sig = createHash('md5').update('/ws/geocoder/v1/?key=K&location=39.9,116.4SK').digest('hex');
    expect(query).toBe(`key=K&location=${encodeURIComponent('39.9,116.4')}&sig=${sig}`);
    expect(signedQuery('/ws/geocoder/v1/', { location: '39.9,116.4', key: 'K' }, null)).not.toContain('sig=');
  });

  it('turns a GCJ-02 point into the recommended address', async () => {
    fake.options.addressFor = () => ({ address: '陕西省安康市汉阴县城关镇五一村', recommend: '五一村村委会东侧' });
    expect(await client().reverseGeocode(POINT)).toBe('五一村村委会东侧');
    expect(fake.calls).toEqual([
      { path: '/ws/geocoder/v1/', params: { key: FAKE_MAP_KEY, location: '32.891500,108.508400' }, status: 0 },
    ]);
  });

  it('falls back to the plain address without a recommendation', async () => {
    fake.options.addressFor = () => ({ address: '陕西省安康市汉阴县城关镇五一村' });
    expect(await client().reverseGeocode(POINT)).toBe('陕西省安康市汉阴县城关镇五一村');
  });

  it('sends a WGS-84 point converted to GCJ-02', async () => {
    await client().reverseGeocode({ ...POINT, coordSystem: 'wgs84' });
    const sent = wgs84ToGcj02(POINT);
    expect(fake.calls[0].params.location).toBe(`${sent.lat.toFixed(6)},${sent.lng.toFixed(6)}`);
  });

  it('signs every request when the key has an SK, and the fake checks the sig like Tencent', async () => {
    fake.options.secret = FAKE_MAP_SECRET;
    expect(await client(FAKE_MAP_KEY, FAKE_MAP_SECRET).reverseGeocode(POINT)).toContain('汉阴县');
    expect(fake.calls[0]).toMatchObject({ status: 0, params: { sig: expect.stringMatching(/^[0-9a-f]{32}$/) } });
    // Unsigned, or signed with another SK: 111 签名验证失败.
    await expect(client().reverseGeocode(POINT)).rejects.toMatchObject({ status: 111 });
    await expect(client(FAKE_MAP_KEY, 'another-secret').reverseGeocode(POINT)).rejects.toMatchObject({
      status: 111,
    });
    const image = await client(FAKE_MAP_KEY, FAKE_MAP_SECRET).staticMap(POINT);
    expect(image).toEqual({ contentType: 'image/png', body: FAKE_MAP_PNG });
  });

  it("refuses another key (311) and passes Tencent's errors on as TencentMapError", async () => {
    await expect(client('WRONG-KEY0-00000-00000').reverseGeocode(POINT)).rejects.toBeInstanceOf(TencentMapError);
    expect(fake.calls[0].status).toBe(311);
    fake.options.failWith = { status: 121, message: '此key每日调用量已达到上限' };
    await expect(client().reverseGeocode(POINT)).rejects.toMatchObject({ status: 121 });
    await expect(client().staticMap(POINT)).rejects.toMatchObject({ status: 121 });
  });

  it('draws the point: the static map with a marker on it', async () => {
    const image = await client().staticMap(POINT);
    expect(image.body.equals(FAKE_MAP_PNG)).toBe(true);
    expect(fake.calls[0]).toMatchObject({
      path: '/ws/staticmap/v2/',
      params: { center: '32.891500,108.508400', markers: 'color:red|32.891500,108.508400', key: FAKE_MAP_KEY },
    });
  });

  it('reports an unreachable service as TencentMapError', async () => {
    const gone = new TencentMapClient({ key: FAKE_MAP_KEY, secret: null, endpoint: 'http://127.0.0.1:9' }, 1000);
    await expect(gone.reverseGeocode(POINT)).rejects.toMatchObject({ name: 'TencentMapError', status: null });
  });
});
