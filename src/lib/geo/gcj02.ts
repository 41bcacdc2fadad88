/**
 * WGS-84 ⇄ GCJ-02 ("Mars coordinates"). Reports are stored in WGS-84; basemaps from Chinese providers such as
 * AMap draw in GCJ-02, so a pin must be shifted onto them for display and shifted back when the person moves it.
 * The forward transform is the widely published reference algorithm (Krasovsky 1940 ellipsoid constants);
 * the inverse has no closed form and is found by fixed-point iteration.
 */
import type { LngLat } from './types.ts';

const A = 6378245.0; // semi-major axis of the Krasovsky 1940 ellipsoid used by the algorithm
const EE = 0.006693421622965943; // its first eccentricity squared (0.00669342162296594323 as published)
const PI = Math.PI;

/** The rough rectangle around China the algorithm uses; outside it GCJ-02 equals WGS-84. */
export function isOutOfChina({ lng, lat }: LngLat): boolean {
  return lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

function shiftLat(x: number, y: number): number {
  return (
    -100 +
    2 * x +
    3 * y +
    0.2 * y * y +
    0.1 * x * y +
    0.2 * Math.sqrt(Math.abs(x)) +
    ((20 * Math.sin(6 * x * PI) + 20 * Math.sin(2 * x * PI)) * 2) / 3 +
    ((20 * Math.sin(y * PI) + 40 * Math.sin((y / 3) * PI)) * 2) / 3 +
    ((160 * Math.sin((y / 12) * PI) + 320 * Math.sin((y * PI) / 30)) * 2) / 3
  );
}

function shiftLng(x: number, y: number): number {
  return (
    300 +
    x +
    2 * y +
    0.1 * x * x +
    0.1 * x * y +
    0.1 * Math.sqrt(Math.abs(x)) +
    ((20 * Math.sin(6 * x * PI) + 20 * Math.sin(2 * x * PI)) * 2) / 3 +
    ((20 * Math.sin(x * PI) + 40 * Math.sin((x / 3) * PI)) * 2) / 3 +
    ((150 * Math.sin((x / 12) * PI) + 300 * Math.sin((x / 30) * PI)) * 2) / 3
  );
}

/** The GCJ-02 point for a WGS-84 point (unchanged outside China). */
export function wgs84ToGcj02(p: LngLat): LngLat {
  if (isOutOfChina(p)) return { lng: p.lng, lat: p.lat };
  const radLat = (p.lat / 180) * PI;
  const s = Math.sin(radLat);
  const magic = 1 - EE * s * s;
  const sqrtMagic = Math.sqrt(magic);
  const dLat = (shiftLat(p.lng - 105, p.lat - 35) * 180) / (((A * (1 - EE)) / (magic * sqrtMagic)) * PI);
  const dLng = (shiftLng(p.lng - 105, p.lat - 35) * 180) / ((A / sqrtMagic) * Math.cos(radLat) * PI);
  return { lng: p.lng + dLng, lat: p.lat + dLat };
}

/**
 * The WGS-84 point whose GCJ-02 image is `p`, to better than 1e-9° (about 0.1 mm).
 * Each step moves the guess by the remaining error of its forward image; the shift varies slowly, so this
 * converges in a handful of steps.
 */
export function gcj02ToWgs84(p: LngLat): LngLat {
  if (isOutOfChina(p)) return { lng: p.lng, lat: p.lat };
  let lng = p.lng;
  let lat = p.lat;
  for (let i = 0; i < 30; i++) {
    const g = wgs84ToGcj02({ lng, lat });
    const eLng = g.lng - p.lng;
    const eLat = g.lat - p.lat;
    lng -= eLng;
    lat -= eLat;
    if (Math.abs(eLng) < 1e-10 && Math.abs(eLat) < 1e-10) break;
  }
  return { lng, lat };
}
