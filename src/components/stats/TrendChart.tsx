/**
 * The 12-week trend: reports submitted and resolved each week, as two lines told apart by colour, dash and
 * marker shape, with the weekly figures in a table (the accessible equivalent).
 */
import { formatNumber } from '../reports/format.ts';
import { niceMax, ticks } from './scale.ts';

export interface Week {
  weekStart: string;
  label: string;
  submitted: number;
  resolved: number;
}

interface Props {
  id: string;
  title: string;
  imageTitle: string;
  headers: { week: string; submitted: string; resolved: string };
  weeks: Week[];
  lang: string;
}

const WIDTH = 640;
const HEIGHT = 260;
const LEFT = 44;
const RIGHT = 32;
const TOP = 16;
const BOTTOM = 40;

export default function TrendChart({ id, title, imageTitle, headers, weeks, lang }: Props) {
  const top = Math.max(0, ...weeks.flatMap((w) => [w.submitted, w.resolved]));
  const max = niceMax(top);
  const plotW = WIDTH - LEFT - RIGHT;
  const plotH = HEIGHT - TOP - BOTTOM;
  const x = (i: number) => LEFT + (weeks.length > 1 ? (i / (weeks.length - 1)) * plotW : plotW / 2);
  const y = (v: number) => TOP + plotH - (v / max) * plotH;
  const line = (pick: (w: Week) => number) =>
    weeks.map((w, i) => `${i === 0 ? 'M' : 'L'}${x(i)},${y(pick(w))}`).join(' ');

  return (
    <figure class="stats-figure" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} class="stats-figure__caption">
        <h2>{title}</h2>
      </figcaption>
      <ul class="stats-legend" aria-hidden="true">
        <li class="stats-legend__submitted">{headers.submitted}</li>
        <li class="stats-legend__resolved">{headers.resolved}</li>
      </ul>
      <svg
        class="stats-chart"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${id}-svg-title`}
      >
        <title id={`${id}-svg-title`}>{imageTitle}</title>
        {ticks(top).map((tick) => (
          <g key={tick}>
            <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(tick)} y2={y(tick)} class="stats-chart__grid" />
            <text
              x={LEFT - 6}
              y={y(tick)}
              class="stats-chart__axis"
              text-anchor="end"
              dominant-baseline="central"
            >
              {formatNumber(lang, tick)}
            </text>
          </g>
        ))}
        {weeks.map((w, i) =>
          i % 2 === weeks.length % 2 ? null : (
            <text
              key={w.weekStart}
              x={x(i)}
              y={HEIGHT - BOTTOM + 18}
              class="stats-chart__axis"
              text-anchor="middle"
            >
              {w.label}
            </text>
          ),
        )}
        <path d={line((w) => w.submitted)} class="stats-chart__line stats-chart__line--submitted" />
        <path d={line((w) => w.resolved)} class="stats-chart__line stats-chart__line--resolved" />
        {weeks.map((w, i) => (
          <g key={w.weekStart}>
            <circle cx={x(i)} cy={y(w.submitted)} r={4} class="stats-chart__dot--submitted" />
            <rect
              x={x(i) - 4}
              y={y(w.resolved) - 4}
              width={8}
              height={8}
              class="stats-chart__dot--resolved"
            />
          </g>
        ))}
      </svg>
      <table class="stats-table" id={`${id}-table`}>
        <caption class="visually-hidden">{title}</caption>
        <thead>
          <tr>
            <th scope="col">{headers.week}</th>
            <th scope="col" class="stats-table__number">
              {headers.submitted}
            </th>
            <th scope="col" class="stats-table__number">
              {headers.resolved}
            </th>
          </tr>
        </thead>
        <tbody>
          {weeks.map((w) => (
            <tr key={w.weekStart} data-key={w.weekStart}>
              <th scope="row">{w.label}</th>
              <td class="stats-table__number">{formatNumber(lang, w.submitted)}</td>
              <td class="stats-table__number">{formatNumber(lang, w.resolved)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
