import { createHash } from 'node:crypto';
import { type LatLng, toGcj02 } from '@minqing/shared';
import type { TencentMapConfig } from './mapConfig';

/** Tencent answered `status` ≠ 0 (110 来源未被授权, 111 签名验证失败, 311 key 格式错误 …), or the call itself failed. */
export class TencentMapError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = 'TencentMapError';
  }
}

export interface MapPoint extends LatLng {
  coordSystem: 'gcj02' | 'wgs84' | null;
}

/** Turns points into addresses and draws them on a map image; the server's is Tencent LBS, tests point it at a local fake. */
export interface MapService {
  /** The address of a point (formatted_addresses.recommend, else address); null when Tencent knows none. */
  reverseGeocode(point: MapPoint): Promise<string | null>;
  /** A PNG of the map around the point with a marker on it. */
  staticMap(point: MapPoint): Promise<{ contentType: string; body: Buffer }>;
}

/**
 * The request's query with `sig` when the key has an SK: md5(path + '?' + the parameters sorted by
 * name, joined as name=value with their raw (unencoded) values + SK), as Tencent's 签名校验 documents.
 */
export function signedQuery(path: string, params: Record<string, string>, secret: string | null): string {
  const names = Object.keys(params).sort();
  const query = names.map((name) => `${name}=${encodeURIComponent(params[name])}`).join('&');
  if (!secret) return query;
  const raw = names.map((name) => `${name}=${params[name]}`).join('&');
  const sig = createHash('md5').update(`${path}?${raw}${secret}`, 'utf8').digest('hex');
  return `${query}&sig=${sig}`;
}

const GEOCODER_PATH = '/ws/geocoder/v1/';
const STATIC_MAP_PATH = '/ws/staticmap/v2/';
const fixed = (value: number) => value.toFixed(6);

interface GeocoderAnswer {
  status?: number;
  message?: string;
  result?: { address?: string; formatted_addresses?: { recommend?: string } };
}

/** Tencent LBS WebService: 逆地址解析 (geocoder/v1) and 静态图 (staticmap/v2), GCJ-02 points, signed when an SK is set. */
export class TencentMapClient implements MapService {
  constructor(
    private readonly config: TencentMapConfig,
    private readonly timeoutMs = 5000,
  ) {}

  private url(path: string, params: Record<string, string>): string {
    return `${this.config.endpoint}${path}?${signedQuery(path, { ...params, key: this.config.key }, this.config.secret)}`;
  }

  private async get(path: string, params: Record<string, string>): Promise<Response> {
    try {
      return await fetch(this.url(path, params), { signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (error) {
      throw new TencentMapError(`Tencent LBS unreachable: ${(error as Error).message}`, null);
    }
  }

  async reverseGeocode(point: MapPoint): Promise<string | null> {
    const at = toGcj02(point, point.coordSystem);
    const response = await this.get(GEOCODER_PATH, { location: `${fixed(at.lat)},${fixed(at.lng)}` });
    if (!response.ok) throw new TencentMapError(`Tencent LBS answered HTTP ${response.status}`, null);
    const answer = (await response.json()) as GeocoderAnswer;
    if (answer.status !== 0)
      throw new TencentMapError(`Tencent LBS geocoder: ${answer.message ?? 'error'}`, answer.status ?? null);
    const address = answer.result?.formatted_addresses?.recommend || answer.result?.address || '';
    return address.trim() || null;
  }

  async staticMap(point: MapPoint): Promise<{ contentType: string; body: Buffer }> {
    const at = toGcj02(point, point.coordSystem);
    const center = `${fixed(at.lat)},${fixed(at.lng)}`;
    const response = await this.get(STATIC_MAP_PATH, {
      center,
      zoom: '15',
      size: '600*300',
      markers: `color:red|${center}`,
    });
    const contentType = response.headers.get('content-type') ?? '';
    // Tencent answers an error as JSON (status, message) instead of an image.
    if (!response.ok || !contentType.startsWith('image/')) {
      const answer = contentType.includes('json') ? ((await response.json()) as GeocoderAnswer) : null;
      throw new TencentMapError(
        `Tencent LBS static map: ${answer?.message ?? `HTTP ${response.status}`}`,
        answer?.status ?? null,
      );
    }
    return { contentType, body: Buffer.from(await response.arrayBuffer()) };
  }
}
