/**
 * The reports map: Leaflet with marker clustering, loaded on demand by the explorer island. It draws the pins
 * it is given (the same rows the list shows), reports the visible area after each pan or zoom, and syncs the
 * selection with the list both ways. Markers and clusters are our own SVG/HTML icons (Leaflet's default
 * images 404 when bundled) and carry a text label, since Leaflet makes them focusable buttons.
 */
/// <reference types="leaflet.markercluster" />
import type * as Leaflet from 'leaflet';
import type { Bbox, ReportPin } from '../../../lib/supabase/reports.ts';
import { statusTone } from '../status.ts';
import type { MapView } from '../viewport.ts';
import { MAX_ZOOM, MIN_ZOOM } from '../viewport.ts';
import { addBaseLayer, fromMap, loadLeafletWithClusters, toMap, type LeafletModule } from './load.ts';

export interface ReportsMapOptions {
  view: MapView;
  /** Accessible name of the map region. */
  label: string;
  /** Names of the zoom buttons, in the page's language. */
  zoomIn: string;
  zoomOut: string;
  /** Text of a marker for screen readers, e.g. "Overflowing bins, in progress, QS-7K3M-9P2X". */
  markerLabel: (pin: ReportPin) => string;
  /** Text of a cluster, e.g. "23 reports". */
  clusterLabel: (count: number) => string;
  onMove: (bbox: Bbox, view: MapView) => void;
  onSelect: (code: string) => void;
}

export interface ReportsMap {
  /** Replaces the pins (kept markers are reused); resolves once the clusters are drawn. */
  setPins: (pins: readonly ReportPin[]) => Promise<void>;
  /** Highlights a report's marker; with `reveal`, zooms or spiderfies until it can be seen. */
  select: (code: string | null, reveal: boolean) => void;
  destroy: () => void;
}

// Pin glyphs tell the tone apart without colour: a dot (open), a tick (done), a bar (stopped).
const GLYPHS = {
  open: '<circle cx="12" cy="11.5" r="4" fill="#fff"/>',
  done: '<path d="M7.5 11.5l3 3 6-6" fill="none" stroke="#fff" stroke-width="2.5"/>',
  stopped: '<path d="M7.5 11.5h9" stroke="#fff" stroke-width="3"/>',
} as const;

/** Enter or Space on a focused marker or cluster (Leaflet passes the DOM event as originalEvent). */
function isActivation(event: Leaflet.LeafletEvent): boolean {
  const key = (event as Leaflet.LeafletKeyboardEvent).originalEvent;
  if (key?.key !== 'Enter' && key?.key !== ' ') return false;
  key.preventDefault();
  return true;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function pinIcon(L: LeafletModule, pin: ReportPin, label: string, selected: boolean): Leaflet.DivIcon {
  const tone = statusTone(pin.status);
  return L.divIcon({
    className: `rp-marker rp-marker--${tone}${selected ? ' rp-marker--selected' : ''}`,
    html:
      `<svg viewBox="0 0 24 32" width="24" height="32" aria-hidden="true" focusable="false">` +
      `<path d="M12 1C6 1 1 5.8 1 11.6 1 19.5 12 31 12 31s11-11.5 11-19.4C23 5.8 18 1 12 1z"/>` +
      `${GLYPHS[tone]}</svg><span class="visually-hidden">${escapeHtml(label)}</span>`,
    iconSize: [24, 32],
    iconAnchor: [12, 31],
  });
}

function clusterIcon(L: LeafletModule, count: number, label: string): Leaflet.DivIcon {
  const size = count < 10 ? 34 : count < 100 ? 40 : count < 1000 ? 48 : 56;
  return L.divIcon({
    className: 'rp-cluster',
    html: `<span aria-hidden="true">${count}</span><span class="visually-hidden">${escapeHtml(label)}</span>`,
    iconSize: [size, size],
  });
}

export async function createReportsMap(
  container: HTMLElement,
  options: ReportsMapOptions,
): Promise<ReportsMap> {
  const L = await loadLeafletWithClusters();
  const centre = toMap({ lat: options.view.lat, lng: options.view.lng });
  const map = L.map(container, {
    center: [centre.lat, centre.lng],
    zoom: options.view.zoom,
    minZoom: MIN_ZOOM,
    maxZoom: MAX_ZOOM,
    zoomControl: false,
  });
  L.control.zoom({ zoomInTitle: options.zoomIn, zoomOutTitle: options.zoomOut }).addTo(map);
  container.setAttribute('role', 'region');
  container.setAttribute('aria-label', options.label);
  addBaseLayer(L, map);

  const clusters = L.markerClusterGroup({
    chunkedLoading: true,
    showCoverageOnHover: false,
    maxClusterRadius: 60,
    iconCreateFunction: (cluster) => {
      const count = cluster.getChildCount();
      return clusterIcon(L, count, options.clusterLabel(count));
    },
  });
  map.addLayer(clusters);
  // Enter on a focused cluster zooms in (markercluster does that); its icon then goes away, so keep the
  // keyboard user's focus on the map rather than losing it to the page.
  clusters.on('clusterkeypress', (event) => {
    const key = (event as Leaflet.LeafletKeyboardEvent).originalEvent;
    if (key?.key !== 'Enter') return;
    const refocus = () => {
      if (!container.contains(document.activeElement)) container.focus();
    };
    map.once('moveend', refocus);
    clusters.once('spiderfied', refocus);
  });

  const markers = new Map<string, { marker: Leaflet.Marker; pin: ReportPin }>();
  let selected: string | null = null;

  const makeMarker = (pin: ReportPin) => {
    const at = toMap(pin);
    const marker = L.marker([at.lat, at.lng], {
      icon: pinIcon(L, pin, options.markerLabel(pin), pin.tracking_code === selected),
      keyboard: true,
    });
    marker.on('click', () => options.onSelect(pin.tracking_code));
    // Leaflet makes markers focusable buttons but Enter only opens popups: choose the report instead.
    marker.on('keypress', (event) => {
      if (isActivation(event)) options.onSelect(pin.tracking_code);
    });
    return marker;
  };

  const bboxOfMap = (): Bbox => {
    const bounds = map.getBounds();
    const sw = fromMap({ lat: bounds.getSouth(), lng: bounds.getWest() });
    const ne = fromMap({ lat: bounds.getNorth(), lng: bounds.getEast() });
    const clamp = (v: number, limit: number) => Math.max(-limit, Math.min(limit, v));
    return {
      west: clamp(sw.lng, 180),
      south: clamp(sw.lat, 90),
      east: clamp(ne.lng, 180),
      north: clamp(ne.lat, 90),
    };
  };
  const viewOfMap = (): MapView => {
    const c = map.getCenter();
    const wgs = fromMap({ lat: c.lat, lng: c.lng });
    return { lat: wgs.lat, lng: wgs.lng, zoom: map.getZoom() };
  };
  map.on('moveend', () => options.onMove(bboxOfMap(), viewOfMap()));
  // The first area, as the map actually draws it (the island estimated it before Leaflet loaded).
  options.onMove(bboxOfMap(), viewOfMap());

  const refreshIcon = (code: string | null) => {
    const entry = code ? markers.get(code) : undefined;
    if (entry) {
      entry.marker.setIcon(pinIcon(L, entry.pin, options.markerLabel(entry.pin), code === selected));
    }
  };

  return {
    setPins(pins) {
      const next = new Map(pins.map((pin) => [pin.tracking_code, pin]));
      const removed: Leaflet.Marker[] = [];
      for (const [code, entry] of markers) {
        const pin = next.get(code);
        // Moved or changed status: redraw. (Labels depend on status, position on the point.)
        if (
          !pin ||
          pin.status !== entry.pin.status ||
          pin.lng !== entry.pin.lng ||
          pin.lat !== entry.pin.lat
        ) {
          removed.push(entry.marker);
          markers.delete(code);
        }
      }
      const added: Leaflet.Marker[] = [];
      for (const pin of pins) {
        if (markers.has(pin.tracking_code)) continue;
        const marker = makeMarker(pin);
        markers.set(pin.tracking_code, { marker, pin });
        added.push(marker);
      }
      if (removed.length > 0) clusters.removeLayers(removed);
      return new Promise<void>((resolve) => {
        if (added.length === 0) {
          resolve();
          return;
        }
        // chunkedLoading adds large sets in slices between frames; the last slice reports processed === total.
        (clusters.options as Leaflet.MarkerClusterGroupOptions).chunkProgress = (processed, total) => {
          if (processed === total) resolve();
        };
        clusters.addLayers(added);
      });
    },
    select(code, reveal) {
      const previous = selected;
      selected = code;
      refreshIcon(previous);
      refreshIcon(code);
      const entry = code ? markers.get(code) : undefined;
      if (entry && reveal) clusters.zoomToShowLayer(entry.marker, () => undefined);
    },
    destroy() {
      map.remove();
      markers.clear();
    },
  };
}
