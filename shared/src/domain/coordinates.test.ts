import { outOfChina, toGcj02, wgs84ToGcj02 } from './coordinates';

/** Metres between two nearby points (equirectangular: fine at these distances). */
function metresBetween(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const x = (b.lng - a.lng) * rad * Math.cos(((a.lat + b.lat) / 2) * rad);
  const y = (b.lat - a.lat) * rad;
  return Math.sqrt(x * x + y * y) * 6_371_000;
}

describe('WGS-84 → GCJ-02', () => {
  it('shifts a point in Beijing as the published conversion does', () => {
    // The reference value of the widely used coordtransform library: wgs84togcj02(116.404, 39.915).
    const converted = wgs84ToGcj02({ lat: 39.915, lng: 116.404 });
    expect(converted.lng).toBeCloseTo(116.41024449916938, 9);
    expect(converted.lat).toBeCloseTo(39.91640428150164, 9);
  });

  it('moves a point in 汉阴 a few hundred metres, as GCJ-02 does everywhere in China', () => {
    const point = { lat: 32.8915, lng: 108.5084 };
    const converted = wgs84ToGcj02(point);
    const moved = metresBetween(point, converted);
    expect(moved).toBeGreaterThan(100);
    expect(moved).toBeLessThan(700);
    // Eastward and northward in this part of China.
    expect(converted.lng).toBeGreaterThan(point.lng);
  });

  it('leaves points outside China where they are', () => {
    const paris = { lat: 48.8566, lng: 2.3522 };
    expect(outOfChina(paris)).toBe(true);
    expect(wgs84ToGcj02(paris)).toEqual(paris);
    expect(outOfChina({ lat: 32.8915, lng: 108.5084 })).toBe(false);
  });

  it('converts only WGS-84: a GCJ-02 point, or one whose system is unknown (WeChat), goes as it is', () => {
    const point = { lat: 32.8915, lng: 108.5084 };
    expect(toGcj02(point, 'gcj02')).toEqual(point);
    expect(toGcj02(point, null)).toEqual(point);
    expect(toGcj02(point, 'wgs84')).toEqual(wgs84ToGcj02(point));
  });
});
