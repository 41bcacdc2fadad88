/**
 * The public history of a report, oldest first: each status change with its public note, and the after-photos
 * with the latest resolution. Internal notes never reach the browser (report_by_code leaves them out).
 */
import { formatDateTime } from '../../lib/dates/index.ts';
import type { PublicReport } from '../../lib/supabase/reports.ts';
import type { Translate } from './format.ts';
import ReportPhotos from './ReportPhotos.tsx';

interface Props {
  t: Translate;
  locale: 'zh-cn' | 'en';
  report: PublicReport;
  photoUrls: ReadonlyMap<string, string>;
}

export default function ReportTimeline({ t, locale, report, photoUrls }: Props) {
  const lastResolved = report.updates.map((u) => u.to_status).lastIndexOf('resolved');
  return (
    <ol class="rp-timeline">
      {report.updates.map((update, i) => (
        <li key={`${update.created_at}-${i}`} class="rp-timeline__item">
          <p class="rp-timeline__title">
            <strong>
              {update.from_status === null
                ? t('reportPage.timeline.submitted')
                : t(`reports.status.${update.to_status}`)}
            </strong>{' '}
            <time class="meta" dateTime={update.created_at}>
              {formatDateTime(locale, update.created_at)}
            </time>
          </p>
          {update.public_note && <p class="rp-timeline__note">{update.public_note}</p>}
          {i === lastResolved && <ReportPhotos t={t} photos={report.photos} urls={photoUrls} kind="after" />}
        </li>
      ))}
      {lastResolved < 0 && report.photos.some((p) => p.kind === 'after') && (
        <li class="rp-timeline__item">
          <p class="rp-timeline__title">
            <strong>{t('reportPage.timeline.afterPhotos')}</strong>
          </p>
          <ReportPhotos t={t} photos={report.photos} urls={photoUrls} kind="after" />
        </li>
      )}
    </ol>
  );
}
