/**
 * A small map of meeting places. Leaflet loads only when the map scrolls into view; the list or the place name
 * next to it always says the same, so the map is a help, never the only way to the information.
 */
import { useEffect, useRef } from 'preact/hooks';
import { tileLayer } from '../../lib/geo/config.ts';
import type { MapPin } from './map/events-map.ts';

interface Props {
  pins: MapPin[];
  label: string;
  /** Said under the map when no base map is configured (local runs, tests). */
  noTilesNote: string;
  size?: 'small' | 'medium';
}

export default function EventsMap({ pins, label, noTilesNote, size = 'medium' }: Props) {
  const container = useRef<HTMLDivElement>(null);
  // Redraw only when the pins really change, not on every render of the parent.
  const signature = pins.map((p) => `${p.id}:${p.lng},${p.lat}`).join('|');

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    let remove: (() => void) | undefined;
    let cancelled = false;
    const draw = () => {
      void import('./map/events-map.ts')
        .then(({ drawEventsMap }) => drawEventsMap(element, pins))
        .then((dispose) => {
          if (cancelled) dispose();
          else remove = dispose;
        });
    };
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) {
        observer.disconnect();
        draw();
      }
    });
    observer.observe(element);
    return () => {
      cancelled = true;
      observer.disconnect();
      remove?.();
    };
    // The signature stands for the pins: a new array with the same pins keeps the map as it is.
  }, [signature]);

  return (
    <div class="events-map-wrap">
      <div ref={container} class={`events-map events-map--${size}`} role="region" aria-label={label} />
      {!tileLayer.url && <p class="meta">{noTilesNote}</p>}
    </div>
  );
}
