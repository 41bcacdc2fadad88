/** "What kind of problem is it?": one radio per active category, with its icon and one-line hint. */
import type { ReportErrorKey } from '../../lib/report/validation.ts';
import type { FormCategory } from './data.ts';
import { CategoryIcon } from './icons.tsx';
import { describedBy, InlineError } from './parts.tsx';
import type { Translate } from './text.ts';

interface Props {
  t: Translate;
  categories: FormCategory[];
  value: string;
  error?: ReportErrorKey | undefined;
  onChange: (code: string) => void;
}

export function CategoryField({ t, categories, value, error, onChange }: Props) {
  return (
    <div class={`rf-group${error ? ' rf-group--error' : ''}`}>
      <fieldset
        class="rf-fieldset"
        aria-describedby={describedBy('rf-category-hint', error && 'rf-category-error')}
      >
        <legend class="rf-legend">
          <h2 class="rf-legend__heading">{t('report.category.legend')}</h2>
        </legend>
        <p id="rf-category-hint" class="rf-hint">
          {t('report.category.hint')}
        </p>
        <InlineError id="rf-category-error" t={t} error={error} />
        <div class="rf-radios">
          {categories.map((c) => (
            <div class="rf-radio" key={c.code}>
              <input
                class="rf-radio__input"
                type="radio"
                id={`rf-category-${c.code}`}
                name="category"
                value={c.code}
                checked={value === c.code}
                onChange={() => onChange(c.code)}
                aria-describedby={`rf-category-${c.code}-hint`}
              />
              <label class="rf-radio__label" for={`rf-category-${c.code}`}>
                <CategoryIcon icon={c.icon} />
                <span>{c.name}</span>
              </label>
              <p id={`rf-category-${c.code}-hint`} class="rf-hint rf-radio__hint">
                {c.hint}
              </p>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
