/**
 * The small maps of the clean-day pages: meeting places as pins. Leaflet is loaded on demand; the base map comes
 * from the site's tile configuration (src/lib/geo), and with none configured the map shows a plain background and
 * fetches nothing remote. Pins are drawn as inline SVG (no icon images to 404).
 *
 * Pins are pictures, not controls: events often meet at the same park, and pins on top of each other would be
 * targets too small to hit (WCAG 2.5.8). The list next to the map links every event; the map shows where.
 */
import type * as Leaflet from 'leaflet';
import { attributionHtml, toMapDatum } from '../../../lib/geo/index.ts';
import { tileLayer } from '../../../lib/geo/config.ts';

export interface MapPin {
  id: string;
  lng: number;
  lat: number;
  /** What the pin stands for, e.g. the title and date (shown on hover). */
  label: string;
}

let leaflet: Promise<typeof Leaflet> | null = null;

function loadLeaflet(): Promise<typeof Leaflet> {
  leaflet ??= import('./leaflet-bundle.ts').then((m) => m.default as unknown as typeof Leaflet);
  return leaflet;
}

const PIN_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 28 40" width="28" height="40" aria-hidden="true" focusable="false">' +
  '<path d="M14 1C7 1 1 6.6 1 13.6 1 23 14 39 14 39s13-16 13-25.4C27 6.6 21 1 14 1z" fill="#0b5d3b" stroke="#fff" stroke-width="2"/>' +
  '<circle cx="14" cy="14" r="5" fill="#fff"/></svg>';

/** The city centre, for a map with no pins. */
const CITY_CENTRE: [number, number] = [22.59, 114.06];

/**
 * Draws a map with the pins into the container and returns a function that removes it. With one pin the map is
 * centred on it; with several it fits them all.
 */
export async function drawEventsMap(container: HTMLElement, pins: MapPin[]): Promise<() => void> {
  const L = await loadLeaflet();
  const map = L.map(container, {
    // The page scrolls past the map: the wheel must not be captured (zoom with the buttons or the keyboard).
    scrollWheelZoom: false,
    attributionControl: !!tileLayer.url,
    maxZoom: tileLayer.maxZoom,
  });
  if (tileLayer.url) {
    L.tileLayer(tileLayer.url, {
      subdomains: tileLayer.subdomains,
      maxZoom: tileLayer.maxZoom,
      attribution: attributionHtml(tileLayer),
    }).addTo(map);
  }
  const icon = L.divIcon({
    className: 'events-pin',
    html: PIN_SVG,
    iconSize: [28, 40],
    iconAnchor: [14, 40],
    popupAnchor: [0, -36],
  });
  const points = pins.map((pin) => {
    const shown = toMapDatum(tileLayer, pin);
    L.marker([shown.lat, shown.lng], { icon, title: pin.label, keyboard: false, interactive: false }).addTo(
      map,
    );
    return L.latLng(shown.lat, shown.lng);
  });
  if (points.length > 1) {
    map.fitBounds(L.latLngBounds(points), { padding: [32, 32], maxZoom: 15 });
  } else {
    map.setView(points[0] ?? CITY_CENTRE, points[0] ? 15 : 11);
  }
  return () => map.remove();
}
