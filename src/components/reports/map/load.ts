/**
 * Loads Leaflet (and, when asked, marker clustering) on demand. The tile layer comes from the site's
 * configuration (src/lib/geo): with none configured, maps show a plain background and fetch nothing remote.
 */
import type * as Leaflet from 'leaflet';
import { attributionHtml, fromMapDatum, toMapDatum, type LngLat } from '../../../lib/geo/index.ts';
import { tileLayer } from '../../../lib/geo/config.ts';

export type LeafletModule = typeof Leaflet;

let leaflet: Promise<LeafletModule> | null = null;
let cluster: Promise<LeafletModule> | null = null;

export function loadLeaflet(): Promise<LeafletModule> {
  leaflet ??= import('./leaflet-bundle.ts').then((m) => m.default as unknown as LeafletModule);
  return leaflet;
}

export function loadLeafletWithClusters(): Promise<LeafletModule> {
  cluster ??= loadLeaflet().then(async (L) => {
    await import('./cluster-bundle.ts');
    return L;
  });
  return cluster;
}

/** Adds the configured base map, if any. */
export function addBaseLayer(L: LeafletModule, map: Leaflet.Map): void {
  const config = tileLayer;
  if (!config.url) return;
  L.tileLayer(config.url, {
    subdomains: config.subdomains,
    maxZoom: config.maxZoom,
    attribution: attributionHtml(config),
  }).addTo(map);
}

/** A stored WGS-84 point where the base map draws it (GCJ-02 tiles need it shifted). */
export const toMap = (p: LngLat): LngLat => toMapDatum(tileLayer, p);
/** A point on the base map back in WGS-84. */
export const fromMap = (p: LngLat): LngLat => fromMapDatum(tileLayer, p);
