/**
 * WGS-84 (GPS, a browser's geolocation) to GCJ-02 (China's map datum, which Tencent maps expect):
 * the standard published approximation (Krasovsky 1940 ellipsoid), accurate to about a metre.
 * Points outside China are not shifted.
 */
const A = 6378245.0;
const EE = 0.006693421622965943;

export interface LatLng {
  lat: number;
  lng: number;
}

export function outOfChina({ lat, lng }: LatLng): boolean {
  return lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

function shiftLat(x: number, y: number): number {
  let ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  ret += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  ret += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0;
  ret += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0;
  return ret;
}

function shiftLng(x: number, y: number): number {
  let ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  ret += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  ret += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0;
  ret += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
  return ret;
}

export function wgs84ToGcj02(point: LatLng): LatLng {
  if (outOfChina(point)) return { lat: point.lat, lng: point.lng };
  const radLat = (point.lat / 180.0) * Math.PI;
  const sinLat = Math.sin(radLat);
  const magic = 1 - EE * sinLat * sinLat;
  const sqrtMagic = Math.sqrt(magic);
  const dLat =
    (shiftLat(point.lng - 105.0, point.lat - 35.0) * 180.0) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI);
  const dLng = (shiftLng(point.lng - 105.0, point.lat - 35.0) * 180.0) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return { lat: point.lat + dLat, lng: point.lng + dLng };
}

/** The point as Tencent maps want it: a WGS-84 point converted, a GCJ-02 one (or one of unknown system, from WeChat) as is. */
export function toGcj02(point: LatLng, system: 'gcj02' | 'wgs84' | null | undefined): LatLng {
  return system === 'wgs84' ? wgs84ToGcj02(point) : { lat: point.lat, lng: point.lng };
}
