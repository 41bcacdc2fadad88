/**
 * Map views as plain numbers, so the list can load for the right area before Leaflet has loaded, and a view
 * can be written into the URL. Web Mercator maths, as Leaflet's default CRS uses.
 */
import type { Bbox } from '../../lib/supabase/reports.ts';

export interface MapView {
  lat: number;
  lng: number;
  zoom: number;
}

/** The whole city: every district of Qingshan in view on a laptop screen. */
export const CITY_VIEW: MapView = { lat: 22.6, lng: 114.03, zoom: 12 };
export const MIN_ZOOM = 10;
export const MAX_ZOOM = 18;

const TILE = 256;
const worldSize = (zoom: number) => TILE * 2 ** zoom;
const x = (lng: number, zoom: number) => ((lng + 180) / 360) * worldSize(zoom);
const y = (lat: number, zoom: number) => {
  const s = Math.sin((lat * Math.PI) / 180);
  return (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * worldSize(zoom);
};
const lngOf = (px: number, zoom: number) => (px / worldSize(zoom)) * 360 - 180;
const latOf = (py: number, zoom: number) => {
  const n = Math.PI - (2 * Math.PI * py) / worldSize(zoom);
  return (180 / Math.PI) * Math.atan(Math.sinh(n));
};

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** The area a map of this many pixels shows at the view (as Leaflet would draw it). */
export function bboxForView(view: MapView, widthPx: number, heightPx: number): Bbox {
  const cx = x(view.lng, view.zoom);
  const cy = y(view.lat, view.zoom);
  return {
    west: clamp(lngOf(cx - widthPx / 2, view.zoom), -180, 180),
    east: clamp(lngOf(cx + widthPx / 2, view.zoom), -180, 180),
    north: clamp(latOf(cy - heightPx / 2, view.zoom), -85, 85),
    south: clamp(latOf(cy + heightPx / 2, view.zoom), -85, 85),
  };
}

/** "zoom/lat/lng" for the URL, rounded to what the zoom can show (like openstreetmap.org's map=…). */
export function formatView(view: MapView): string {
  const digits = Math.max(2, Math.ceil(Math.log10(2 ** view.zoom)));
  return `${view.zoom}/${view.lat.toFixed(digits)}/${view.lng.toFixed(digits)}`;
}

export function parseView(value: string | null): MapView | null {
  const match = /^(\d{1,2})\/(-?\d{1,2}(?:\.\d+)?)\/(-?\d{1,3}(?:\.\d+)?)$/.exec(value ?? '');
  if (!match) return null;
  const zoom = Number(match[1]);
  const lat = Number(match[2]);
  const lng = Number(match[3]);
  if (zoom < MIN_ZOOM || zoom > MAX_ZOOM || Math.abs(lat) > 85 || Math.abs(lng) > 180) return null;
  return { zoom, lat, lng };
}
