/**
 * "My reports": the reports sent from this device (kept in localStorage by the report form), with their
 * current status from the server. Nothing identifies the person; the list lives only on this device.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { formatDate, isoDate } from '../../lib/dates/index.ts';
import { listMyReports, type MyReport } from '../../lib/report/my-reports.ts';
import {
  fetchReferenceData,
  fetchReportSummaries,
  type ReferenceData,
  type ReportSummary,
} from '../../lib/supabase/reports.ts';
import { translator, type Messages } from './format.ts';
import StatusBadge from './StatusBadge.tsx';

interface Props {
  locale: 'zh-cn' | 'en';
  lang: string;
  messages: Messages;
  reportPath: string;
  formPath: string;
}

export default function MyReports({ locale, lang, messages, reportPath, formPath }: Props) {
  const t = useMemo(() => translator(lang, messages), [lang, messages]);
  const [mine, setMine] = useState<MyReport[] | null>(null);
  const [summaries, setSummaries] = useState<Map<string, ReportSummary> | null>(null);
  const [reference, setReference] = useState<ReferenceData | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const list = listMyReports();
    setMine(list);
    if (list.length === 0) return;
    fetchReferenceData().then(setReference, () => undefined);
    fetchReportSummaries(list.map((r) => r.trackingCode)).then(
      (rows) => setSummaries(new Map(rows.map((row) => [row.tracking_code, row]))),
      () => setFailed(true),
    );
  }, []);

  if (mine === null) return <p>{t('reports.loading')}</p>;
  if (mine.length === 0) {
    return (
      <p>
        {t('track.mine.none')} <a href={formPath}>{t('track.mine.report')}</a>
      </p>
    );
  }
  const categoryName = (code: string) => {
    const found = reference?.categories.find((c) => c.code === code);
    return found ? (lang === 'en' ? found.name_en : found.name_zh) : '';
  };
  return (
    <>
      <p role="status">
        {failed
          ? t('track.mine.error')
          : summaries === null
            ? t('reports.loading')
            : t('track.mine.count_other', { count: mine.length })}
      </p>
      <ul class="track-mine">
        {mine.map((entry) => {
          const summary = summaries?.get(entry.trackingCode);
          return (
            <li key={entry.trackingCode} class="track-mine__item">
              <h3 class="track-mine__title">
                <a href={`${reportPath}?code=${encodeURIComponent(entry.trackingCode)}`}>
                  {entry.trackingCode}
                  {summary && categoryName(summary.category_code) && (
                    <> · {categoryName(summary.category_code)}</>
                  )}
                </a>
              </h3>
              <p>
                {summary ? (
                  <StatusBadge status={summary.status} label={t(`reports.status.${summary.status}`)} />
                ) : (
                  summaries !== null && <span class="meta">{t('track.mine.unavailable')}</span>
                )}{' '}
                <span class="meta">
                  {t('track.mine.sent')}{' '}
                  <time dateTime={isoDate(entry.createdAt)}>{formatDate(locale, entry.createdAt)}</time>
                </span>
              </p>
            </li>
          );
        })}
      </ul>
    </>
  );
}
