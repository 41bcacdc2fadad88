/**
 * The list beside the map: the same reports, newest first, a page at a time. It is the accessible equivalent
 * of the map: every report has a heading and a link, "show on map" moves the map to it, and a click on a
 * marker brings focus here.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { ReportPin } from '../../lib/supabase/reports.ts';
import { formatDate, isoDate } from '../../lib/dates/index.ts';
import { formatNumber, type Translate } from './format.ts';
import StatusBadge from './StatusBadge.tsx';

interface Props {
  t: Translate;
  lang: string;
  locale: 'zh-cn' | 'en';
  pins: readonly ReportPin[];
  shown: number;
  selected: string | null;
  /** Set when a marker was clicked: focus that item once it is rendered. */
  focusCode: string | null;
  /** Index of the first item added by "show more", to move focus there. */
  focusIndex: number | null;
  categoryName: (code: string) => string;
  reportHref: (code: string) => string;
  onShowOnMap: (code: string) => void;
  onShowMore: () => void;
  onFocused: () => void;
}

export const itemId = (code: string) => `rf-item-${code}`;

export default function ReportList(props: Props) {
  const { t, lang, locale, pins, shown, selected } = props;
  const listRef = useRef<HTMLOListElement>(null);

  useEffect(() => {
    const list = listRef.current;
    if (!list) return;
    let target: HTMLElement | null = null;
    if (props.focusCode) target = list.querySelector(`#${itemId(props.focusCode)}`);
    else if (props.focusIndex !== null) target = list.children.item(props.focusIndex) as HTMLElement | null;
    if (target) {
      target.focus();
      props.onFocused();
    }
  });

  const visible = pins.slice(0, shown);
  return (
    <>
      <ol class="rf-list" ref={listRef}>
        {visible.map((pin) => (
          <li
            key={pin.tracking_code}
            id={itemId(pin.tracking_code)}
            class={`rf-item${pin.tracking_code === selected ? ' rf-item--selected' : ''}`}
            tabIndex={-1}
            aria-current={pin.tracking_code === selected ? 'true' : undefined}
          >
            <h3 class="rf-item__title">
              <a href={props.reportHref(pin.tracking_code)}>{props.categoryName(pin.category_code)}</a>
            </h3>
            <p class="rf-item__status">
              <StatusBadge status={pin.status} label={t(`reports.status.${pin.status}`)} />
              <span class="rf-item__code">{pin.tracking_code}</span>
            </p>
            {pin.address && <p class="rf-item__address">{pin.address}</p>}
            <p class="meta">
              {t('reports.list.submitted')}{' '}
              <time dateTime={isoDate(pin.created_at)}>{formatDate(locale, pin.created_at)}</time>
              {pin.confirmations_count > 0 && (
                <>
                  {' '}
                  ·{' '}
                  {t('reports.list.meToo_other', {
                    count: pin.confirmations_count,
                    n: formatNumber(lang, pin.confirmations_count),
                  })}
                </>
              )}
            </p>
            <button type="button" class="rf-link-button" onClick={() => props.onShowOnMap(pin.tracking_code)}>
              {t('reports.list.showOnMap')}
              <span class="visually-hidden">: {pin.tracking_code}</span>
            </button>
          </li>
        ))}
      </ol>
      {shown < pins.length && (
        <button type="button" class="button rf-more" onClick={props.onShowMore}>
          {t('reports.list.showMore_other', { count: Math.min(20, pins.length - shown) })}
        </button>
      )}
    </>
  );
}
