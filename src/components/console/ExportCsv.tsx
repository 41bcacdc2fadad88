/** @jsxImportSource react */
/**
 * Downloads the current filtered list as CSV. Contact details only for admins who tick the box; the database
 * refuses everyone else and writes every export to the audit log.
 */
import { useState } from 'react';
import { exportReports, type ExportRow, type QueueFilters } from '../../lib/supabase/console.ts';
import { errorText, nameIn, statusLabel, useConsole, type ConsoleContextValue } from './context.ts';
import { toCsv, downloadText, type CsvCell } from './csv.ts';
import { fileStamp } from './format.ts';
import { Notice } from './Form.tsx';

export function exportCsv(ctx: ConsoleContextValue, rows: ExportRow[], withContact: boolean): string {
  const { t, messages, locale, reference } = ctx;
  const header = [
    t('console.csv.code'),
    t('console.csv.status'),
    t('console.csv.category'),
    t('console.csv.district'),
    t('console.csv.address'),
    t('console.csv.description'),
    t('console.csv.lng'),
    t('console.csv.lat'),
    t('console.csv.created'),
    t('console.csv.due'),
    t('console.csv.resolved'),
    t('console.csv.overdue'),
    t('console.csv.department'),
    t('console.csv.assignee'),
    t('console.csv.confirmations'),
    t('console.csv.hidden'),
    ...(withContact ? [t('console.csv.phone'), t('console.csv.email')] : []),
  ];
  const yes = (value: boolean) => (value ? t('console.csv.yes') : t('console.csv.no'));
  const body = rows.map((r): CsvCell[] => [
    r.tracking_code,
    statusLabel(t, messages, r.status),
    nameIn(locale, reference.categories, r.category_code),
    nameIn(locale, reference.districts, r.district_code),
    r.address,
    r.description,
    r.lng,
    r.lat,
    r.created_at,
    r.due_at,
    r.resolved_at,
    yes(r.overdue),
    nameIn(locale, reference.departments, r.assigned_department),
    r.assigned_to_email,
    r.confirmations_count,
    yes(r.hidden),
    ...(withContact ? [r.contact_phone, r.contact_email] : []),
  ]);
  return toCsv(header, body);
}

export default function ExportCsv({ filters }: { filters: QueueFilters }) {
  const ctx = useConsole();
  const { t, messages, identity } = ctx;
  const [withContact, setWithContact] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);

  const download = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const rows = await exportReports(filters, withContact);
      downloadText(`reports-${fileStamp()}.csv`, exportCsv(ctx, rows, withContact));
      setMessage({ kind: 'success', text: t('console.export.done', { count: rows.length }) });
    } catch (error) {
      setMessage({
        kind: 'error',
        text: errorText(t, messages, (error as { key?: string }).key ?? 'unknown'),
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="c-export">
      {identity.role === 'admin' && (
        <div className="c-checkbox">
          <input
            id="export-contact"
            type="checkbox"
            checked={withContact}
            aria-describedby="export-contact-hint"
            onChange={(e) => setWithContact(e.target.checked)}
          />
          <label htmlFor="export-contact">{t('console.export.withContact')}</label>
          <div className="c-hint" id="export-contact-hint">
            {t('console.export.withContactHint')}
          </div>
        </div>
      )}
      <button
        type="button"
        className="button c-button--secondary"
        disabled={busy}
        onClick={() => void download()}
      >
        {t('console.export.button')}
      </button>
      {message && <Notice kind={message.kind} message={message.text} />}
    </div>
  );
}
