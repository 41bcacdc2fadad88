import type { LngLat } from './types.ts';

/** Mean Earth radius (IUGG), in metres. */
const EARTH_RADIUS_M = 6371008.8;

/**
 * Great-circle distance in metres between two WGS-84 points (haversine on a sphere).
 * Within 0.5 % of PostGIS's spheroidal geography distance: good for "about 120 m away", not for surveying.
 */
export function distanceMeters(a: LngLat, b: LngLat): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** True when lng/lat are finite numbers within −180…180 and −90…90. */
export function isValidLngLat(p: LngLat): boolean {
  return Number.isFinite(p.lng) && Number.isFinite(p.lat) && Math.abs(p.lng) <= 180 && Math.abs(p.lat) <= 90;
}
