/**
 * "Where is the problem?" Four ways, none of them required: the device's location, the location stored in a
 * photo, a pin on the map (mouse, touch, or keyboard: arrow keys on the map or the arrow buttons), or a
 * district plus a description of the place — so the map is never the only way. The map (Leaflet) is loaded
 * only when it scrolls into view or is asked for.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { LngLat } from '../../lib/geo/types.ts';
import type { ReportErrorKey } from '../../lib/report/validation.ts';
import type { FormDistrict } from './data.ts';
import { locationStatus, type FormLocation } from './form-state.ts';
import type { PinMap } from './map/pin-map.ts';
import { describedBy, InlineError } from './parts.tsx';
import type { Translate } from './text.ts';

interface Props {
  t: Translate;
  lang: string;
  districts: FormDistrict[];
  location: FormLocation | null;
  district: string;
  /** The first photo that carries a GPS position, if any. */
  photoGps: { n: number; gps: LngLat } | null;
  error?: ReportErrorKey | undefined;
  onLocation: (location: FormLocation | null) => void;
  onDistrict: (code: string) => void;
  announce: (text: string) => void;
}

type MapState = 'idle' | 'loading' | 'ready' | 'failed';
type GeoState = 'idle' | 'locating' | 'denied' | 'failed';

const NUDGES: [key: 'north' | 'west' | 'east' | 'south', dx: number, dy: number, arrow: string][] = [
  ['north', 0, -1, '↑'],
  ['west', -1, 0, '←'],
  ['east', 1, 0, '→'],
  ['south', 0, 1, '↓'],
];

export function LocationField(p: Props) {
  const { t, lang, districts, location, error } = p;
  const [mapState, setMapState] = useState<MapState>('idle');
  const [geo, setGeo] = useState<GeoState>('idle');
  const wrap = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLDivElement>(null);
  const map = useRef<PinMap | null>(null);
  const shown = useRef<FormLocation | null>(null);
  const latest = useRef(p);
  latest.current = p;
  const status = locationStatus(t, lang, location, districts);

  // Tell screen readers where the point now is, once it stops moving (arrow keys move it in small steps).
  useEffect(() => {
    if (!location) return;
    const timer = setTimeout(() => latest.current.announce(status), 600);
    return () => clearTimeout(timer);
  }, [status]);

  useEffect(() => {
    if (mapState !== 'idle' || !wrap.current || !('IntersectionObserver' in window)) return;
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setMapState((s) => (s === 'idle' ? 'loading' : s));
      },
      { rootMargin: '100px' },
    );
    io.observe(wrap.current);
    return () => io.disconnect();
  }, [mapState]);

  useEffect(() => {
    if (mapState !== 'loading') return;
    let cancelled = false;
    import('./map/pin-map.ts')
      .then(async ({ createPinMap, stylesReady }) => {
        await stylesReady;
        if (cancelled || !canvas.current) return;
        const n = districts.length;
        const centre = {
          lng: districts.reduce((s, d) => s + d.lng, 0) / n,
          lat: districts.reduce((s, d) => s + d.lat, 0) / n,
        };
        const loc = latest.current.location;
        map.current = createPinMap(canvas.current, {
          centre,
          zoom: 11,
          point: loc,
          zoomInLabel: t('report.map.zoomIn'),
          zoomOutLabel: t('report.map.zoomOut'),
          onPick: (pt) => {
            const next = { ...pt, source: 'map' as const };
            shown.current = next;
            latest.current.onLocation(next);
          },
        });
        shown.current = loc;
        setMapState('ready');
      })
      .catch(() => !cancelled && setMapState('failed'));
    return () => {
      cancelled = true;
    };
  }, [mapState]);

  useEffect(() => () => map.current?.destroy(), []);

  // A point chosen another way is shown on the map (not sent back: it did not come from the map).
  useEffect(() => {
    if (mapState !== 'ready' || !map.current || !location || location === shown.current) return;
    shown.current = location;
    map.current.show(location, location.source === 'district' ? 14 : 17);
  }, [location, mapState]);

  const useMyLocation = () => {
    if (!navigator.geolocation) return setGeo('failed');
    setGeo('locating');
    p.announce(t('report.location.locating'));
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setGeo('idle');
        latest.current.onLocation({
          lng: pos.coords.longitude,
          lat: pos.coords.latitude,
          accuracy: pos.coords.accuracy,
          source: 'device',
        });
      },
      (err) => {
        const state = err.code === err.PERMISSION_DENIED ? 'denied' : 'failed';
        setGeo(state);
        latest.current.announce(t(state === 'denied' ? 'report.location.denied' : 'report.location.failed'));
      },
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 60_000 },
    );
  };

  return (
    <div class={`rf-group${error ? ' rf-group--error' : ''}`}>
      <fieldset
        class="rf-fieldset"
        aria-describedby={describedBy('rf-location-hint', error && 'rf-location-error')}
      >
        <legend class="rf-legend">
          <h2 class="rf-legend__heading">{t('report.location.legend')}</h2>
        </legend>
        <p id="rf-location-hint" class="rf-hint">
          {t('report.location.hint')}
        </p>
        <InlineError id="rf-location-error" t={t} error={error} />
        <p class={`rf-location-status${location ? ' rf-location-status--set' : ''}`}>{status}</p>

        <div class="rf-actions">
          <button
            type="button"
            class="button rf-button--secondary"
            id="rf-use-location"
            onClick={useMyLocation}
          >
            {t('report.location.useMine')}
          </button>
          {p.photoGps && (
            <button
              type="button"
              class="button rf-button--secondary"
              onClick={() =>
                p.photoGps && p.onLocation({ ...p.photoGps.gps, source: 'photo', photo: p.photoGps.n })
              }
            >
              {t('report.location.usePhoto', { n: p.photoGps.n })}
            </button>
          )}
        </div>
        {geo !== 'idle' && (
          <p class="rf-hint">
            {t(
              geo === 'locating'
                ? 'report.location.locating'
                : geo === 'denied'
                  ? 'report.location.denied'
                  : 'report.location.failed',
            )}
          </p>
        )}

        <div class="rf-field">
          <label class="rf-label" for="rf-district">
            {t('report.district.label')}
          </label>
          <p id="rf-district-hint" class="rf-hint">
            {t('report.district.hint')}
          </p>
          <select
            id="rf-district"
            class="rf-select"
            value={p.district}
            onChange={(e) => p.onDistrict(e.currentTarget.value)}
            aria-describedby="rf-district-hint"
          >
            <option value="">{t('report.district.none')}</option>
            {districts.map((d) => (
              <option key={d.code} value={d.code}>
                {d.name}
              </option>
            ))}
          </select>
        </div>

        <div class="rf-map" ref={wrap}>
          <h3 class="rf-map__title">{t('report.map.title')}</h3>
          <p id="rf-map-help" class="rf-hint">
            {t('report.map.help')}
          </p>
          {(mapState === 'idle' || mapState === 'failed') && (
            <>
              {mapState === 'failed' && <p class="rf-hint">{t('report.map.failed')}</p>}
              <button
                type="button"
                class="button rf-button--secondary"
                onClick={() => setMapState('loading')}
              >
                {t('report.map.show')}
              </button>
            </>
          )}
          {mapState === 'loading' && <p class="rf-hint">{t('report.map.loading')}</p>}
          {mapState !== 'idle' && mapState !== 'failed' && (
            <div
              ref={canvas}
              id="rf-map"
              class="rf-map__canvas"
              tabIndex={0}
              role="application"
              aria-label={t('report.map.label')}
              aria-describedby="rf-map-help"
            />
          )}
          {mapState === 'ready' && (
            <div class="rf-nudge" role="group" aria-labelledby="rf-nudge-label">
              <span id="rf-nudge-label" class="rf-nudge__label">
                {t('report.map.nudge')}
              </span>
              {NUDGES.map(([dir, dx, dy, arrow]) => (
                <button
                  type="button"
                  key={dir}
                  class="button rf-button--secondary rf-nudge__button"
                  onClick={() => map.current?.nudge(dx * 24, dy * 24)}
                >
                  <span aria-hidden="true">{arrow} </span>
                  {t(`report.map.${dir}`)}
                </button>
              ))}
            </div>
          )}
        </div>
      </fieldset>
    </div>
  );
}

interface AddressProps {
  t: Translate;
  value: string;
  required: boolean;
  error?: ReportErrorKey | undefined;
  onChange: (value: string) => void;
}

/** "Describe the place": optional, except when only a district was chosen. */
export function AddressField({ t, value, required, error, onChange }: AddressProps) {
  return (
    <div class={`rf-group${error ? ' rf-group--error' : ''}`}>
      <label class="rf-label rf-label--bold" for="rf-address">
        {t(required ? 'report.address.labelRequired' : 'report.address.label')}
      </label>
      <p id="rf-address-hint" class="rf-hint">
        {t(required ? 'report.address.hintRequired' : 'report.address.hint')}
      </p>
      <InlineError id="rf-address-error" t={t} error={error} />
      <input
        id="rf-address"
        name="address"
        class={`rf-input${error ? ' rf-input--error' : ''}`}
        type="text"
        autocomplete="off"
        value={value}
        onInput={(e) => onChange(e.currentTarget.value)}
        aria-describedby={describedBy('rf-address-hint', error && 'rf-address-error')}
        aria-invalid={error ? 'true' : undefined}
        aria-required={required ? 'true' : undefined}
      />
    </div>
  );
}
