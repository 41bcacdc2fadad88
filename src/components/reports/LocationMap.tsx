/**
 * A small map with the report's pin. Leaflet loads only when the map scrolls into view. The address text next
 * to it says the same in words.
 */
import { useEffect, useRef } from 'preact/hooks';
import { addBaseLayer, loadLeaflet, toMap } from './map/load.ts';

interface Props {
  lng: number;
  lat: number;
  label: string;
  zoomIn: string;
  zoomOut: string;
}

export default function LocationMap({ lng, lat, label, zoomIn, zoomOut }: Props) {
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    let map: { remove: () => void } | null = null;
    let cancelled = false;
    const draw = async () => {
      const L = await loadLeaflet();
      if (cancelled) return;
      const at = toMap({ lng, lat });
      const created = L.map(element, {
        center: [at.lat, at.lng],
        zoom: 16,
        scrollWheelZoom: false,
        zoomControl: false,
      });
      L.control.zoom({ zoomInTitle: zoomIn, zoomOutTitle: zoomOut }).addTo(created);
      element.setAttribute('role', 'region');
      element.setAttribute('aria-label', label);
      addBaseLayer(L, created);
      L.marker([at.lat, at.lng], {
        keyboard: false,
        icon: L.divIcon({
          className: 'rp-marker rp-marker--open',
          html:
            '<svg viewBox="0 0 24 32" width="24" height="32" aria-hidden="true" focusable="false">' +
            '<path d="M12 1C6 1 1 5.8 1 11.6 1 19.5 12 31 12 31s11-11.5 11-19.4C23 5.8 18 1 12 1z"/>' +
            '<circle cx="12" cy="11.5" r="4" fill="#fff"/></svg>',
          iconSize: [24, 32],
          iconAnchor: [12, 31],
        }),
      }).addTo(created);
      map = created;
    };
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        observer.disconnect();
        void draw();
      }
    });
    observer.observe(element);
    return () => {
      cancelled = true;
      observer.disconnect();
      map?.remove();
    };
  }, [lng, lat, label, zoomIn, zoomOut]);

  return <div class="rp-map" ref={box} />;
}
