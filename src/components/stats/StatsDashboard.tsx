/**
 * Public statistics of reports (/stats/), from one call to report_stats: headline figures (reports, on-time
 * completion rate 按期办结率, median time to resolve, open and overdue), counts by status, category and
 * district, and the 12-week trend. Each chart comes with its table.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { formatDateTime } from '../../lib/dates/index.ts';
import { fetchReportStats, type ReportStats } from '../../lib/supabase/reports.ts';
import { formatNumber, translator, type Messages } from '../reports/format.ts';
import BarChart from './BarChart.tsx';
import TrendChart from './TrendChart.tsx';

interface Props {
  locale: 'zh-cn' | 'en';
  lang: string;
  messages: Messages;
}

export default function StatsDashboard({ locale, lang, messages }: Props) {
  const t = useMemo(() => translator(lang, messages), [lang, messages]);
  const [stats, setStats] = useState<ReportStats | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    fetchReportStats().then(setStats, () => setFailed(true));
  }, []);

  if (failed) return <p role="status">{t('stats.error')}</p>;
  if (!stats) return <p role="status">{t('stats.loading')}</p>;

  const name = (item: { name_zh: string; name_en: string }) => (lang === 'en' ? item.name_en : item.name_zh);
  const rate = stats.on_time.rate;
  const days = stats.resolution.median_seconds === null ? null : stats.resolution.median_seconds / 86_400;
  const weekLabel = new Intl.DateTimeFormat(lang, { month: 'short', day: 'numeric', timeZone: 'UTC' });
  const chartNote = t('stats.chartNote');

  return (
    <div class="stats">
      <p class="meta" role="status">
        {t('stats.generated', { time: formatDateTime(locale, stats.generated_at) })}
      </p>
      <dl class="stats-figures">
        <div class="stats-figures__item" data-figure="total">
          <dt>{t('stats.figure.total')}</dt>
          <dd>{formatNumber(lang, stats.total)}</dd>
        </div>
        <div class="stats-figures__item" data-figure="on-time">
          <dt>{t('stats.figure.onTime')}</dt>
          <dd>
            {rate === null
              ? t('stats.none')
              : formatNumber(lang, rate, { style: 'percent', maximumFractionDigits: 1 })}
          </dd>
        </div>
        <div class="stats-figures__item" data-figure="median">
          <dt>{t('stats.figure.median')}</dt>
          <dd>
            {days === null
              ? t('stats.none')
              : t('stats.days_other', {
                  count: days,
                  n: formatNumber(lang, days, { maximumFractionDigits: 1 }),
                })}
          </dd>
        </div>
        <div class="stats-figures__item" data-figure="overdue">
          <dt>{t('stats.figure.overdue')}</dt>
          <dd>{formatNumber(lang, stats.on_time.open_overdue)}</dd>
        </div>
      </dl>
      <p class="stats-definition">
        {t('stats.onTimeDefinition', {
          onTime: formatNumber(lang, stats.on_time.resolved_on_time),
          late: formatNumber(lang, stats.on_time.resolved_late),
          overdue: formatNumber(lang, stats.on_time.open_overdue),
        })}{' '}
        {t('stats.medianDefinition_other', {
          count: stats.resolution.resolved_count,
          n: formatNumber(lang, stats.resolution.resolved_count),
        })}
      </p>

      <BarChart
        id="stats-status"
        title={t('stats.byStatus')}
        labelHeader={t('stats.header.status')}
        valueHeader={t('stats.header.reports')}
        imageTitle={chartNote}
        lang={lang}
        bars={stats.by_status.map((row) => ({
          key: row.status,
          label: t(`reports.status.${row.status}`),
          value: row.count,
        }))}
      />
      <BarChart
        id="stats-category"
        title={t('stats.byCategory')}
        labelHeader={t('stats.header.category')}
        valueHeader={t('stats.header.reports')}
        imageTitle={chartNote}
        lang={lang}
        bars={stats.by_category.map((row) => ({ key: row.code, label: name(row), value: row.count }))}
      />
      <BarChart
        id="stats-district"
        title={t('stats.byDistrict')}
        labelHeader={t('stats.header.district')}
        valueHeader={t('stats.header.reports')}
        imageTitle={chartNote}
        lang={lang}
        bars={stats.by_district.map((row) => ({ key: row.code, label: name(row), value: row.count }))}
      />
      <TrendChart
        id="stats-trend"
        title={t('stats.trend')}
        imageTitle={chartNote}
        lang={lang}
        headers={{
          week: t('stats.header.week'),
          submitted: t('stats.header.submitted'),
          resolved: t('stats.header.resolved'),
        }}
        weeks={stats.weekly.map((w) => ({
          weekStart: w.week_start,
          label: weekLabel.format(new Date(`${w.week_start}T00:00:00Z`)),
          submitted: w.submitted,
          resolved: w.resolved,
        }))}
      />
    </div>
  );
}
