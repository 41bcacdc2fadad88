/** @jsxImportSource react */
/**
 * One report for staff (/console/report/?code=QS-…): everything the public sees, plus the private contact
 * behind a reason, assignment, internal notes, confirmations, the full history, the status changes the state
 * machine allows this person now (from the database), and moderation for staff and admins.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReportStatus } from '../../lib/supabase/reports.ts';
import { fetchConsoleReport, type ConsoleReport } from '../../lib/supabase/console.ts';
import { consoleHref, errorText, nameIn, statusLabel, useConsole } from './context.ts';
import { dynamicKey } from './messages.ts';
import { dueText, when } from './format.ts';
import { QUEUE_SEARCH_KEY } from './url.ts';
import StatusBadge from './StatusBadge.tsx';
import Photos from './Photos.tsx';
import ContactReveal from './ContactReveal.tsx';
import ActionForm from './ActionForm.tsx';
import Notes from './Notes.tsx';
import History from './History.tsx';
import Moderation from './Moderation.tsx';

export default function ReportDetail() {
  const { t, messages, locale, identity, reference, basePath } = useConsole();
  const [code] = useState(() => new URLSearchParams(window.location.search).get('code') ?? '');
  const [report, setReport] = useState<ConsoleReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [action, setAction] = useState<ReportStatus | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);

  const load = useCallback(
    () =>
      fetchConsoleReport(code)
        .then((found) => {
          setReport(found);
          setError(null);
        })
        .catch((failure: { key?: string }) => setError(errorText(t, messages, failure.key ?? 'unknown'))),
    [code, t, messages],
  );

  useEffect(() => {
    if (code) void load();
  }, [code, load]);

  useEffect(() => {
    if (report) document.title = `${report.tracking_code} | ${document.title.split(' | ').slice(-1)[0]}`;
  }, [report]);

  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const changed = (message: string) => {
    setAction(null);
    void load().then(() => setNotice(message));
  };

  const backSearch =
    typeof sessionStorage === 'undefined' ? '' : (sessionStorage.getItem(QUEUE_SEARCH_KEY) ?? '');
  const back = (
    <p>
      <a className="c-back" href={`${consoleHref(basePath, '')}${backSearch}`}>
        {t('console.report.back')}
      </a>
    </p>
  );

  if (!code || error) {
    return (
      <section>
        {back}
        <h1 tabIndex={-1}>{t('console.report.notFoundTitle')}</h1>
        <p role="alert">{code ? error : t('console.report.noCode')}</p>
      </section>
    );
  }
  if (!report) return <p role="status">{t('console.loading')}</p>;

  const category = nameIn(locale, reference.categories, report.category_code);
  const canModerate = identity.role === 'staff' || identity.role === 'admin';
  return (
    <article className="c-report">
      {back}
      <h1 tabIndex={-1}>
        {t('console.report.title', { code: report.tracking_code })}
        <span className="c-report__category">{category}</span>
      </h1>
      {notice && (
        <div className="c-notice c-notice--success" role="status" tabIndex={-1} ref={noticeRef}>
          {notice}
        </div>
      )}
      <StatusBadge status={report.status} overdue={report.overdue} hidden={report.hidden} />
      {report.is_open && <p className="c-report__due">{dueText(t, report.due_at, reference.holidays)}</p>}

      <dl className="c-facts">
        <dt>{t('console.report.district')}</dt>
        <dd>{nameIn(locale, reference.districts, report.district_code)}</dd>
        <dt>{t('console.report.address')}</dt>
        <dd>{report.address || t('console.report.noAddress')}</dd>
        <dt>{t('console.report.location')}</dt>
        <dd>
          {report.lat.toFixed(5)}, {report.lng.toFixed(5)}
        </dd>
        <dt>{t('console.report.submitted')}</dt>
        <dd>{when(locale, report.created_at)}</dd>
        <dt>{t('console.report.due')}</dt>
        <dd>{when(locale, report.due_at)}</dd>
        {report.resolved_at && (
          <>
            <dt>{t('console.report.resolved')}</dt>
            <dd>{when(locale, report.resolved_at)}</dd>
          </>
        )}
        <dt>{t('console.report.assigned')}</dt>
        <dd>
          {[nameIn(locale, reference.departments, report.assigned_department), report.assigned_to_email]
            .filter(Boolean)
            .join(' · ') || t('console.report.notAssigned')}
        </dd>
        <dt>{t('console.report.confirmations')}</dt>
        <dd>
          {report.last_confirmed_at
            ? t('console.report.confirmationsLast', {
                count: report.confirmations_count,
                when: when(locale, report.last_confirmed_at),
              })
            : report.confirmations_count}
        </dd>
        {report.duplicate_of_code && (
          <>
            <dt>{t('console.report.duplicateOf')}</dt>
            <dd>
              <a href={consoleHref(basePath, 'report/', { code: report.duplicate_of_code })}>
                {report.duplicate_of_code}
              </a>
            </dd>
          </>
        )}
        {report.status === 'rejected' && report.reject_reason && (
          <>
            <dt>{t('console.report.rejectReason')}</dt>
            <dd>{report.reject_reason}</dd>
          </>
        )}
        {report.status === 'referred' && report.referred_to && (
          <>
            <dt>{t('console.report.referredTo')}</dt>
            <dd>{report.referred_to}</dd>
          </>
        )}
        {report.rating && (
          <>
            <dt>{t('console.report.rating')}</dt>
            <dd>
              {t('console.report.ratingValue', { score: report.rating.score })}
              {report.rating.comment ? ` — ${report.rating.comment}` : ''}
            </dd>
          </>
        )}
      </dl>

      <h2>{t('console.report.description')}</h2>
      <p className="c-report__description">{report.description}</p>

      <h2>{t('console.report.photos')}</h2>
      <Photos report={report} onChanged={changed} />

      <h2>{t('console.report.contact')}</h2>
      <ContactReveal report={report} />

      <h2 id="actions-title">{t('console.report.actions')}</h2>
      {report.next_statuses.length === 0 ? (
        <p>{t('console.report.noActions')}</p>
      ) : (
        <ul className="c-action-list" aria-labelledby="actions-title">
          {report.next_statuses.map((to) => (
            <li key={to}>
              <button
                type="button"
                className={`button${action === to ? '' : ' c-button--secondary'}`}
                aria-expanded={action === to}
                aria-controls="action-form"
                onClick={() => {
                  setNotice(null);
                  setAction(action === to ? null : to);
                  requestAnimationFrame(() => document.getElementById('action-form-title')?.focus());
                }}
              >
                {t(dynamicKey(messages, `console.action.${to}`, 'console.action.other'))}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div id="action-form">
        {action && (
          <ActionForm
            key={action}
            report={report}
            to={action}
            onCancel={() => setAction(null)}
            onDone={(to) => changed(t('console.report.changed', { status: statusLabel(t, messages, to) }))}
          />
        )}
      </div>

      <h2>{t('console.report.notes')}</h2>
      <Notes report={report} onAdded={changed} />

      <h2>{t('console.report.history')}</h2>
      <History report={report} />

      {canModerate && (
        <>
          <h2>{t('console.report.moderation')}</h2>
          <Moderation report={report} onChanged={changed} />
        </>
      )}
    </article>
  );
}
