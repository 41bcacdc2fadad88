/**
 * A horizontal bar chart with its data table. The table is the accessible equivalent (and what a screen
 * reader reads); the SVG is an image with a short title saying so.
 */
import { formatNumber } from '../reports/format.ts';
import { niceMax } from './scale.ts';

export interface Bar {
  key: string;
  label: string;
  value: number;
}

interface Props {
  id: string;
  title: string;
  /** Header of the label column and of the value column. */
  labelHeader: string;
  valueHeader: string;
  imageTitle: string;
  bars: Bar[];
  lang: string;
}

const WIDTH = 640;
const ROW = 46;
const BAR = 18;
const LABEL_GAP = 6;

export default function BarChart({ id, title, labelHeader, valueHeader, imageTitle, bars, lang }: Props) {
  const max = niceMax(Math.max(0, ...bars.map((b) => b.value)));
  const plot = WIDTH - 70;
  const height = bars.length * ROW;
  return (
    <figure class="stats-figure" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} class="stats-figure__caption">
        <h2>{title}</h2>
      </figcaption>
      <svg
        class="stats-chart"
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-labelledby={`${id}-svg-title`}
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={`${id}-svg-title`}>{imageTitle}</title>
        {bars.map((bar, i) => {
          // The label sits above its bar, so long names never run into the bars.
          const y = i * ROW + 18;
          const w = (bar.value / max) * plot;
          return (
            <g key={bar.key}>
              <text x={0} y={y - LABEL_GAP} class="stats-chart__label">
                {bar.label}
              </text>
              <rect
                x={0}
                y={y}
                width={Math.max(w, bar.value > 0 ? 2 : 0)}
                height={BAR}
                class="stats-chart__bar"
              />
              <text x={w + 6} y={y + BAR / 2} class="stats-chart__value" dominant-baseline="central">
                {formatNumber(lang, bar.value)}
              </text>
            </g>
          );
        })}
      </svg>
      <table class="stats-table" id={`${id}-table`}>
        <caption class="visually-hidden">{title}</caption>
        <thead>
          <tr>
            <th scope="col">{labelHeader}</th>
            <th scope="col" class="stats-table__number">
              {valueHeader}
            </th>
          </tr>
        </thead>
        <tbody>
          {bars.map((bar) => (
            <tr key={bar.key} data-key={bar.key}>
              <th scope="row">{bar.label}</th>
              <td class="stats-table__number">{formatNumber(lang, bar.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
