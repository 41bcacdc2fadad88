/**
 * The error summary at the top of the form (GOV.UK pattern): every problem, in form order, each a link that
 * moves focus to the field. The form focuses the summary itself after a send that found problems.
 */
import type { Ref } from 'preact';
import type { Translate } from './text.ts';

export interface SummaryItem {
  /** Id of the control to focus, or null for a problem with the whole form. */
  target: string | null;
  text: string;
}

function focusField(e: MouseEvent, id: string) {
  const el = document.getElementById(id);
  if (!el) return;
  e.preventDefault();
  // Bring the question into view, not just the control: a radio's legend, an input's label.
  const heading =
    el.closest('fieldset')?.querySelector('legend') ?? document.querySelector(`label[for="${id}"]`);
  (heading ?? el).scrollIntoView({ block: 'start' });
  el.focus({ preventScroll: true });
}

export function ErrorSummary({
  t,
  items,
  summaryRef,
}: {
  t: Translate;
  items: SummaryItem[];
  summaryRef: Ref<HTMLDivElement>;
}) {
  if (!items.length) return null;
  return (
    <div class="rf-error-summary" tabIndex={-1} ref={summaryRef} aria-labelledby="rf-error-summary-title">
      <h2 id="rf-error-summary-title" class="rf-error-summary__title">
        {t('report.errorSummary.title')}
      </h2>
      <ul class="rf-error-summary__list">
        {items.map((item) => (
          <li key={item.text}>
            {item.target ? (
              <a href={`#${item.target}`} onClick={(e) => focusField(e, item.target as string)}>
                {item.text}
              </a>
            ) : (
              item.text
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
