/** @jsxImportSource react */
/**
 * Sign-ups and the waiting list of one event. Contact details are private: the list loads only when asked, and
 * the database writes each read to the audit log. Attendance opens two hours before the start; the CSV holds
 * what the table shows.
 */
import { useState } from 'react';
import { formatDateTime } from '../../../lib/dates/index.ts';
import {
  fetchSignups,
  markAttendance,
  type ConsoleEvent,
  type StaffSignup,
} from '../../../lib/events/console.ts';
import { useConsole } from '../context.ts';
import { downloadText, toCsv } from '../csv.ts';
import { organiserErrorText } from './format.ts';

export default function Signups({ event }: { event: ConsoleEvent }) {
  const { t, messages, locale } = useConsole();
  const [rows, setRows] = useState<StaffSignup[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const attendanceOpen = Date.parse(event.starts_at) - 2 * 3_600_000 <= Date.now();

  const load = async () => {
    setBusy(true);
    try {
      setRows(await fetchSignups(event.id));
      setError(null);
    } catch (failure) {
      setError(organiserErrorText(t, messages, failure as { key?: string }));
    } finally {
      setBusy(false);
    }
  };

  // The box follows the click at once; if the database refuses, it goes back and says why.
  const attend = async (row: StaffSignup, attended: boolean) => {
    const set = (value: boolean | null) =>
      setRows((all) => all?.map((r) => (r.id === row.id ? { ...r, attended: value } : r)) ?? null);
    set(attended);
    try {
      await markAttendance(row.id, attended);
    } catch (failure) {
      set(row.attended);
      setError(organiserErrorText(t, messages, failure as { key?: string }));
    }
  };

  const statusText = (row: StaffSignup) =>
    row.status === 'waitlisted'
      ? t('console.events.signups.waitlisted', { position: row.waitlist_position ?? '' })
      : t(`console.events.signups.${row.status}`);

  const exportCsv = () => {
    if (!rows) return;
    const header = [
      t('console.events.signups.name'),
      t('console.events.signups.contact'),
      t('console.events.signups.party'),
      t('console.events.signups.status'),
      t('console.events.signups.attended'),
      'created_at',
    ];
    const body = rows.map((r) => [r.name, r.contact, r.party_size, statusText(r), r.attended, r.created_at]);
    downloadText(`clean-day-${event.id.slice(0, 8)}-signups.csv`, toCsv(header, body));
  };

  return (
    <section aria-labelledby="c-events-signups">
      <h2 id="c-events-signups">{t('console.events.signups.heading')}</h2>
      {error && (
        <p className="c-notice c-notice--error" role="alert">
          {error}
        </p>
      )}
      {!rows ? (
        <button
          type="button"
          className="button c-button--secondary"
          onClick={() => void load()}
          disabled={busy}
        >
          {t('console.events.signups.load')}
        </button>
      ) : rows.length === 0 ? (
        <p>{t('console.events.signups.empty')}</p>
      ) : (
        <>
          {!attendanceOpen && <p className="c-hint">{t('console.events.signups.attendanceLater')}</p>}
          <div className="c-events-table-wrap">
            <table className="c-events-table">
              <caption className="visually-hidden">{t('console.events.signups.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('console.events.signups.name')}</th>
                  <th scope="col">{t('console.events.signups.contact')}</th>
                  <th scope="col">{t('console.events.signups.party')}</th>
                  <th scope="col">{t('console.events.signups.status')}</th>
                  <th scope="col">{t('console.events.signups.attended')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.id}>
                    <th scope="row">{row.name}</th>
                    <td>{row.contact}</td>
                    <td>{row.party_size}</td>
                    <td>
                      {statusText(row)}
                      <br />
                      <span className="c-hint">{formatDateTime(locale, row.created_at)}</span>
                    </td>
                    <td>
                      {row.status === 'confirmed' && attendanceOpen && (
                        <div className="c-checkbox">
                          <input
                            type="checkbox"
                            id={`attended-${row.id}`}
                            checked={row.attended === true}
                            onChange={(e) => void attend(row, e.currentTarget.checked)}
                          />
                          <label htmlFor={`attended-${row.id}`}>
                            <span className="visually-hidden">
                              {t('console.events.signups.attendedLabel', { name: row.name })}
                            </span>
                          </label>
                        </div>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>
            <button type="button" className="button c-button--secondary" onClick={exportCsv}>
              {t('console.events.signups.export')}
            </button>
          </p>
        </>
      )}
    </section>
  );
}
