import { createHash, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local Tencent LBS WebService (腾讯位置服务) for tests and the end-to-end demo: GET
 * /ws/geocoder/v1/?location=lat,lng&key=…[&sig=…] answering `{status:0, result:{address,
 * formatted_addresses:{recommend}, location}}`, and GET /ws/staticmap/v2/?center=…&markers=…&key=…
 * answering a PNG. Like Tencent it refuses an unknown key (status 311) and, when the key has an SK,
 * a request whose sig is missing or is not md5(path + '?' + the other parameters sorted by name with
 * their raw values + SK) (status 111); errors come back as JSON with HTTP 200, as Tencent answers them.
 */

export const FAKE_MAP_KEY = 'FAKEK-EY0MA-P1234-56789-ABCDE-FGHIJ';
export const FAKE_MAP_SECRET = 'fakeMapSecretKey0123456789abcdef';

/** A 1×1 PNG: what the static map answers. */
export const FAKE_MAP_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

export interface FakeMapCall {
  path: string;
  params: Record<string, string>;
  /** The status answered: 0 for an address or an image. */
  status: number;
}

export interface FakeMapOptions {
  key?: string;
  /** The key's SK: requests must be signed. Null: 签名校验 off. */
  secret?: string | null;
  /** The address of a point (GCJ-02, as received); default 陕西省安康市… with the point's coordinates. */
  addressFor?: (lat: number, lng: number) => { address: string; recommend?: string };
  /** Answer every call with this Tencent error instead. */
  failWith?: { status: number; message: string } | null;
  /** Milliseconds before each answer. */
  delayMs?: number;
}

export interface FakeTencentMap {
  /** http://127.0.0.1:PORT, for TENCENT_MAP_ENDPOINT. */
  endpoint: string;
  calls: FakeMapCall[];
  options: FakeMapOptions;
  close(): Promise<void>;
}

const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex');

function sigMatches(path: string, params: Record<string, string>, secret: string, sig: string | undefined): boolean {
  if (!sig) return false;
  const raw = Object.keys(params)
    .filter((name) => name !== 'sig')
    .sort()
    .map((name) => `${name}=${params[name]}`)
    .join('&');
  const expected = Buffer.from(md5(`${path}?${raw}${secret}`));
  const given = Buffer.from(sig.toLowerCase());
  return expected.length === given.length && timingSafeEqual(expected, given);
}

const POINT = /^(-?\d{1,2}(?:\.\d+)?),(-?\d{1,3}(?:\.\d+)?)$/;

export async function startFakeTencentMap(options: FakeMapOptions = {}): Promise<FakeTencentMap> {
  const calls: FakeMapCall[] = [];
  const state: FakeMapOptions = { key: FAKE_MAP_KEY, secret: null, ...options };
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://fake');
    const params = Object.fromEntries(url.searchParams.entries());
    const json = (status: number, body: Record<string, unknown>) => {
      calls.push({ path: url.pathname, params, status });
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify({ status, ...body }));
    };
    const answer = () => {
      if (request.method !== 'GET') return json(300, { message: '请求方法错误' });
      if (url.pathname !== '/ws/geocoder/v1/' && url.pathname !== '/ws/staticmap/v2/') {
        calls.push({ path: url.pathname, params, status: 404 });
        response.writeHead(404).end();
        return;
      }
      if (params.key !== state.key) return json(311, { message: 'key格式错误' });
      if (state.secret && !sigMatches(url.pathname, params, state.secret, params.sig))
        return json(111, { message: '签名验证失败' });
      if (state.failWith) return json(state.failWith.status, { message: state.failWith.message });
      const point = POINT.exec((url.pathname === '/ws/geocoder/v1/' ? params.location : params.center) ?? '');
      if (!point) return json(310, { message: '请求参数信息有误' });
      const lat = Number(point[1]);
      const lng = Number(point[2]);
      if (url.pathname === '/ws/staticmap/v2/') {
        if (!params.markers?.includes(`${point[1]},${point[2]}`)) return json(310, { message: '请求参数信息有误' });
        calls.push({ path: url.pathname, params, status: 0 });
        response.writeHead(200, { 'content-type': 'image/png', 'content-length': FAKE_MAP_PNG.length });
        response.end(FAKE_MAP_PNG);
        return;
      }
      const named = state.addressFor?.(lat, lng) ?? {
        address: `陕西省安康市汉阴县城关镇(${lat.toFixed(4)},${lng.toFixed(4)})`,
      };
      json(0, {
        message: 'query ok',
        request_id: md5(`${Date.now()}${Math.random()}`),
        result: {
          location: { lat, lng },
          address: named.address,
          formatted_addresses: named.recommend ? { recommend: named.recommend, rough: named.recommend } : undefined,
          address_component: { nation: '中国', province: '陕西省', city: '安康市', district: '汉阴县' },
        },
      });
    };
    if (state.delayMs) setTimeout(answer, state.delayMs);
    else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    calls,
    options: state,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
