/** @jsxImportSource react */
/** React wrapper of the console's clean-day map (loaded when first shown). */
import { useEffect, useRef } from 'react';
import type { LngLat } from '../../../lib/geo/index.ts';
import type { ConsoleMap as MapHandle, ReportPin } from './console-map.ts';

interface Props {
  label: string;
  reports?: ReportPin[];
  place: LngLat | null;
  onPick?: (point: LngLat) => void;
}

export default function ConsoleMap({ label, reports = [], place, onPick }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const handle = useRef<MapHandle | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;
  const latest = useRef({ reports, place });
  latest.current = { reports, place };
  const fitted = useRef(false);

  useEffect(() => {
    let cancelled = false;
    const element = container.current;
    if (!element) return;
    void import('./console-map.ts')
      .then(({ createConsoleMap }) =>
        createConsoleMap(element, pick.current ? (p) => pick.current?.(p) : null),
      )
      .then((created) => {
        if (cancelled) return created.remove();
        handle.current = created;
        created.update(latest.current.reports, latest.current.place, true);
        fitted.current = true;
      });
    return () => {
      cancelled = true;
      handle.current?.remove();
      handle.current = null;
    };
  }, []);

  const signature = `${reports.map((r) => `${r.id}${r.selected ? '+' : ''}`).join(',')}|${place?.lng},${place?.lat}`;
  useEffect(() => {
    // Fit the view when the reports change, not when the meeting place moves under the user's click.
    handle.current?.update(reports, place, false);
  }, [signature]); // The signature stands for the reports and the place.

  return <div ref={container} className="c-events-map" role="region" aria-label={label} />;
}
