import type { AppDeps } from '../context';
import { Report } from '../db/entities';
import { LOCATION_ADDRESS_MAX } from '@minqing/shared';
import type { MapService } from '../integrations/tencentmap/tencentMapClient';

const geocoders = new WeakMap<AppDeps, Geocoder>();

/** This app's geocoder, made once; null without TENCENT_MAP_KEY (a point stays a point). */
export function geocoderOf(deps: AppDeps): Geocoder | null {
  if (!deps.maps) return null;
  let geocoder = geocoders.get(deps);
  if (!geocoder) {
    geocoder = new Geocoder(deps as AppDeps & { maps: MapService });
    geocoders.set(deps, geocoder);
  }
  return geocoder;
}

/**
 * Names a report's point after the submission is answered: Tencent LBS 逆地址解析 (a WGS-84 point is
 * converted to GCJ-02 first), stored as the report's address (source `geocoder`) only while it
 * still has none, so a citizen's own address always stands. A failure leaves the point as it is;
 * nothing is retried (staff still see the point and its map link).
 */
export class Geocoder {
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(private readonly deps: AppDeps & { maps: MapService }) {}

  /** Looks the report's point up without holding up the answer. Never throws. */
  kick(reportId: string): void {
    const work = this.geocode(reportId)
      .catch((error: unknown) => this.deps.logger.warn({ err: error, reportId }, 'point left without an address'))
      .finally(() => this.inFlight.delete(work));
    this.inFlight.add(work);
  }

  /** The address it stored, or null (no point, an address already, Tencent knows none). */
  async geocode(reportId: string): Promise<string | null> {
    const repository = this.deps.dataSource.getRepository(Report);
    const report = await repository.findOne({
      select: { id: true, lat: true, lng: true, coordSystem: true, address: true },
      where: { id: reportId },
    });
    if (!report || report.lat === null || report.lng === null || report.address) return null;
    const found = await this.deps.maps.reverseGeocode({
      lat: report.lat,
      lng: report.lng,
      coordSystem: report.coordSystem,
    });
    if (!found) return null;
    const address = found.slice(0, LOCATION_ADDRESS_MAX);
    // Conditional (an address written meanwhile wins), and outside the projection's version: a
    // transcription or a clerk acting at the same moment must not take it for a competing change.
    await this.deps.dataSource.query(
      'UPDATE reports SET address = ?, addressSource = ? WHERE id = ? AND address IS NULL',
      [address, 'geocoder', reportId],
    );
    return address;
  }

  /** Resolves once every kicked lookup has finished (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }
}
