/** @jsxImportSource react */
/**
 * Choosing the original of a duplicate: open reports nearby in the same category (nearby_open_reports) are
 * offered first; any other tracking code can be typed.
 */
import { useEffect, useState } from 'react';
import { fetchNearbyOpenReports, type ConsoleReport, type NearbyReport } from '../../lib/supabase/console.ts';
import { statusLabel, useConsole } from './context.ts';
import { Field } from './Form.tsx';

interface Props {
  report: ConsoleReport;
  value: string;
  error?: string;
  onChange: (code: string) => void;
}

export default function DuplicatePicker({ report, value, error, onChange }: Props) {
  const { t, messages } = useConsole();
  const [nearby, setNearby] = useState<NearbyReport[] | null>(null);
  useEffect(() => {
    let active = true;
    fetchNearbyOpenReports(report.lng, report.lat, report.category_code)
      .then((found) => active && setNearby(found.filter((r) => r.tracking_code !== report.tracking_code)))
      .catch(() => active && setNearby([]));
    return () => {
      active = false;
    };
  }, [report]);

  return (
    <div className="c-duplicate">
      <fieldset className="c-fieldset" aria-describedby="duplicate-hint">
        <legend className="c-label">{t('console.duplicate.suggestions')}</legend>
        <div className="c-hint" id="duplicate-hint">
          {nearby === null
            ? t('console.loading')
            : nearby.length === 0
              ? t('console.duplicate.noneNearby')
              : t('console.duplicate.hint')}
        </div>
        {nearby && nearby.length > 0 && (
          <div className="c-radios">
            {nearby.map((r) => (
              <div className="c-radio" key={r.tracking_code}>
                <input
                  type="radio"
                  id={`duplicate-${r.tracking_code}`}
                  name="duplicate-original"
                  value={r.tracking_code}
                  checked={value === r.tracking_code}
                  onChange={() => onChange(r.tracking_code)}
                />
                <label htmlFor={`duplicate-${r.tracking_code}`}>
                  <strong>{r.tracking_code}</strong> · {statusLabel(t, messages, r.status)} ·{' '}
                  {t('console.duplicate.distance', { metres: Math.round(r.distance_m) })}
                  <span className="c-radio__hint">{r.description.slice(0, 120)}</span>
                </label>
              </div>
            ))}
          </div>
        )}
      </fieldset>
      <Field
        id="duplicate-code"
        label={t('console.duplicate.code')}
        hint={t('console.duplicate.codeHint')}
        error={error}
      >
        {(describedBy) => (
          <input
            id="duplicate-code"
            className="c-input c-input--code"
            type="text"
            autoComplete="off"
            spellCheck={false}
            value={value}
            aria-describedby={describedBy}
            aria-invalid={error ? true : undefined}
            onChange={(e) => onChange(e.target.value)}
          />
        )}
      </Field>
    </div>
  );
}
