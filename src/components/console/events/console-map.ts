/**
 * The console's clean-day map (framework-free): report pins (selected ones dark), the meeting-place pin, and a
 * click to move the meeting place. Leaflet comes from the same on-demand chunk as the public event maps; the tile
 * layer from the site's configuration (none locally, so nothing remote is fetched). Keyboard users type the
 * coordinates in the fields next to the map; pins are pictures, not controls (the list next to them is).
 */
import type * as Leaflet from 'leaflet';
import { attributionHtml, fromMapDatum, toMapDatum, type LngLat } from '../../../lib/geo/index.ts';
import { tileLayer } from '../../../lib/geo/config.ts';

export interface ReportPin {
  id: string;
  lng: number;
  lat: number;
  label: string;
  selected: boolean;
}

export interface ConsoleMap {
  update(reports: ReportPin[], place: LngLat | null, fit: boolean): void;
  remove(): void;
}

const CITY_CENTRE: [number, number] = [22.59, 114.06];

function pinIcon(L: typeof Leaflet, colour: string, size: number): Leaflet.DivIcon {
  return L.divIcon({
    className: 'events-pin',
    html:
      `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 28 40" width="${size * 0.7}" height="${size}" aria-hidden="true" focusable="false">` +
      `<path d="M14 1C7 1 1 6.6 1 13.6 1 23 14 39 14 39s13-16 13-25.4C27 6.6 21 1 14 1z" fill="${colour}" stroke="#fff" stroke-width="2"/>` +
      '<circle cx="14" cy="14" r="5" fill="#fff"/></svg>',
    iconSize: [size * 0.7, size],
    iconAnchor: [size * 0.35, size],
  });
}

export async function createConsoleMap(
  container: HTMLElement,
  onPick: ((point: LngLat) => void) | null,
): Promise<ConsoleMap> {
  const L = (await import('../../events/map/leaflet-bundle.ts')).default as unknown as typeof Leaflet;
  const map = L.map(container, { scrollWheelZoom: false, attributionControl: !!tileLayer.url }).setView(
    CITY_CENTRE,
    11,
  );
  if (tileLayer.url) {
    L.tileLayer(tileLayer.url, {
      subdomains: tileLayer.subdomains,
      maxZoom: tileLayer.maxZoom,
      attribution: attributionHtml(tileLayer),
    }).addTo(map);
  }
  const layer = L.layerGroup().addTo(map);
  const icons = {
    selected: pinIcon(L, '#1b1b1b', 34),
    open: pinIcon(L, '#6f777b', 28),
    place: pinIcon(L, '#0b5d3b', 44),
  };
  if (onPick) {
    map.on('click', (e: Leaflet.LeafletMouseEvent) =>
      onPick(fromMapDatum(tileLayer, { lng: e.latlng.lng, lat: e.latlng.lat })),
    );
  }
  const at = (p: LngLat) => {
    const shown = toMapDatum(tileLayer, p);
    return L.latLng(shown.lat, shown.lng);
  };
  return {
    update(reports, place, fit) {
      layer.clearLayers();
      for (const r of reports) {
        L.marker(at(r), {
          icon: r.selected ? icons.selected : icons.open,
          title: r.label,
          interactive: false,
          keyboard: false,
        }).addTo(layer);
      }
      if (place) L.marker(at(place), { icon: icons.place, interactive: false, keyboard: false }).addTo(layer);
      if (!fit) return;
      const points = [...reports.filter((r) => r.selected || !place).map(at), ...(place ? [at(place)] : [])];
      if (points.length > 1) map.fitBounds(L.latLngBounds(points), { padding: [24, 24], maxZoom: 16 });
      else if (points[0]) map.setView(points[0], 15);
    },
    remove() {
      map.remove();
    },
  };
}
