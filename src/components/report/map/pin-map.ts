/**
 * The location map: Leaflet with one draggable pin, loaded by the form only when the map scrolls into view
 * or is asked for (Leaflet touches `window` on import, and is larger than the form). The tile layer is the
 * site's configuration (src/lib/geo); with none there are no tiles and the pin still works. Points come in
 * and go out in WGS-84; on a GCJ-02 basemap they are shifted for display only.
 */
import L from 'leaflet';
// As a URL, not an import: Astro would otherwise link the stylesheet from the page itself, render-blocking,
// though most visitors never open the map.
import leafletCss from 'leaflet/dist/leaflet.css?url';
import { attributionHtml, fromMapDatum, toMapDatum, type LngLat } from '../../../lib/geo/index.ts';
import { tileLayer } from '../../../lib/geo/config.ts';

export interface PinMapOptions {
  centre: LngLat;
  zoom: number;
  point: LngLat | null;
  zoomInLabel: string;
  zoomOutLabel: string;
  /** The pin was put or moved by the person (WGS-84). */
  onPick: (p: LngLat) => void;
}

export interface PinMap {
  /** Shows a point chosen another way (device, photo, district) without reporting it back. */
  show(p: LngLat, zoom?: number): void;
  /** Moves the pin by screen pixels (from the map's centre when there is no pin yet). */
  nudge(dx: number, dy: number): void;
  destroy(): void;
}

/** Pixels per arrow press; with Shift, five times as far. */
export const NUDGE_PX = 12;

// Our own pin (Leaflet's default marker images do not survive bundling): a teardrop with a white dot.
const PIN = `<svg viewBox="0 0 32 42" width="32" height="42" aria-hidden="true" focusable="false"><path d="M16 41C16 41 2 24.5 2 15.5a14 14 0 0 1 28 0C30 24.5 16 41 16 41Z" fill="#b00020" stroke="#fff" stroke-width="2"/><circle cx="16" cy="15.5" r="5" fill="#fff"/></svg>`;

/** Resolves once Leaflet's stylesheet is in the page (it is added the first time a map is made). */
export const stylesReady: Promise<void> = new Promise((resolve) => {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = leafletCss;
  link.onload = link.onerror = () => resolve();
  document.head.append(link);
});

const toLatLng = (p: LngLat) => {
  const m = toMapDatum(tileLayer, p);
  return L.latLng(m.lat, m.lng);
};
const fromLatLng = (ll: L.LatLng) => fromMapDatum(tileLayer, { lng: ll.lng, lat: ll.lat });

export function createPinMap(el: HTMLElement, o: PinMapOptions): PinMap {
  const map = L.map(el, {
    center: toLatLng(o.point ?? o.centre),
    zoom: o.point ? 17 : o.zoom,
    maxZoom: tileLayer.maxZoom,
    keyboard: false, // the container's own key handler moves the pin instead of the view
    zoomControl: false,
  });
  L.control.zoom({ zoomInTitle: o.zoomInLabel, zoomOutTitle: o.zoomOutLabel }).addTo(map);
  map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
  if (tileLayer.url) {
    L.tileLayer(tileLayer.url, {
      subdomains: tileLayer.subdomains,
      maxZoom: tileLayer.maxZoom,
      attribution: attributionHtml(tileLayer),
    }).addTo(map);
  }

  const icon = L.divIcon({ className: 'rf-pin', html: PIN, iconSize: [32, 42], iconAnchor: [16, 41] });
  let marker: L.Marker | null = null;
  const place = (ll: L.LatLng) => {
    if (marker) marker.setLatLng(ll);
    else {
      marker = L.marker(ll, { icon, draggable: true, keyboard: false, autoPan: true }).addTo(map);
      marker.on('dragend', () => marker && o.onPick(fromLatLng(marker.getLatLng())));
    }
  };
  if (o.point) place(toLatLng(o.point));

  map.on('click', (e: L.LeafletMouseEvent) => {
    place(e.latlng);
    o.onPick(fromLatLng(e.latlng));
  });

  const nudge = (dx: number, dy: number) => {
    const from = marker?.getLatLng() ?? map.getCenter();
    const ll = map.containerPointToLatLng(map.latLngToContainerPoint(from).add([dx, dy]));
    place(ll);
    if (!map.getBounds().pad(-0.15).contains(ll)) map.panTo(ll);
    o.onPick(fromLatLng(ll));
  };

  const keys: Record<string, [number, number]> = {
    ArrowUp: [0, -1],
    ArrowDown: [0, 1],
    ArrowLeft: [-1, 0],
    ArrowRight: [1, 0],
  };
  el.addEventListener('keydown', (e) => {
    if (e.target !== el || e.altKey || e.ctrlKey || e.metaKey) return;
    const step = keys[e.key];
    if (step) {
      const px = NUDGE_PX * (e.shiftKey ? 5 : 1);
      nudge(step[0] * px, step[1] * px);
    } else if (e.key === '+' || e.key === '=') map.zoomIn();
    else if (e.key === '-' || e.key === '_') map.zoomOut();
    else return;
    e.preventDefault();
  });

  return {
    show(p, zoom) {
      const ll = toLatLng(p);
      place(ll);
      map.setView(ll, zoom ?? Math.max(map.getZoom(), 16));
    },
    nudge,
    destroy: () => map.remove(),
  };
}
