/** Photos of a report, shown through time-limited signed links (the bucket is private). */
import type { PublicReportPhoto } from '../../lib/supabase/reports.ts';
import type { Translate } from './format.ts';

interface Props {
  t: Translate;
  photos: PublicReportPhoto[];
  urls: ReadonlyMap<string, string>;
  kind: 'before' | 'after';
}

export default function ReportPhotos({ t, photos, urls, kind }: Props) {
  const mine = photos.filter((p) => p.kind === kind);
  if (mine.length === 0) return null;
  return (
    <ul class="rp-photos">
      {mine.map((photo, i) => {
        const url = urls.get(photo.path);
        const alt = t(`reportPage.photos.${kind}Alt`, { n: i + 1, total: mine.length });
        return (
          <li key={photo.path}>
            {url ? (
              <a href={url} target="_blank" rel="noopener">
                <img src={url} alt={alt} loading="lazy" decoding="async" width={320} height={240} />
                <span class="visually-hidden">{t('reportPage.photos.opensNew')}</span>
              </a>
            ) : (
              <span class="rp-photos__missing">{t('reportPage.photos.unavailable')}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
