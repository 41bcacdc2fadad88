/** @jsxImportSource react */
/**
 * Admins: each category's handling deadline (working days), default department and whether citizens can still
 * choose it. Saved straight to the categories table, which admits only admins and audits every change.
 * Departments are listed; adding one is a migration (reports and categories refer to their codes).
 */
import { useState, type SubmitEvent } from 'react';
import { updateCategory, type Category } from '../../lib/supabase/console.ts';
import { errorText, nameIn, useConsole } from './context.ts';
import { Field, Notice } from './Form.tsx';

export default function Categories() {
  const { t, locale, reference } = useConsole();
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <section>
      <h1 tabIndex={-1}>{t('console.categories.title')}</h1>
      <p>{t('console.categories.intro')}</p>
      {notice && <Notice message={notice} />}
      <ul className="c-people">
        {reference.categories.map((category) => (
          <CategoryRow key={category.code} category={category} onSaved={setNotice} />
        ))}
      </ul>
      <h2>{t('console.categories.departments')}</h2>
      <p>{t('console.categories.departmentsIntro')}</p>
      <ul>
        {reference.departments.map((d) => (
          <li key={d.code}>
            {nameIn(locale, reference.departments, d.code)} <span className="meta">({d.code})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function CategoryRow({ category, onSaved }: { category: Category; onSaved: (message: string) => void }) {
  const { t, messages, locale, reference } = useConsole();
  const [days, setDays] = useState(String(category.deadline_working_days));
  const [department, setDepartment] = useState(category.department_code);
  const [active, setActive] = useState(category.active);
  const [error, setError] = useState<string | undefined>();
  const id = `category-${category.code}`;
  const name = nameIn(locale, reference.categories, category.code);

  const save = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = Number(days);
    if (!Number.isInteger(value) || value < 1 || value > 60)
      return setError(t('console.categories.error.days'));
    try {
      await updateCategory(category.code, {
        deadline_working_days: value,
        department_code: department,
        active,
      });
      // The page's reference data is read once: keep it in step with what was saved.
      Object.assign(category, { deadline_working_days: value, department_code: department, active });
      setError(undefined);
      onSaved(t('console.categories.saved', { name }));
    } catch (failure) {
      setError(errorText(t, messages, (failure as { key?: string }).key ?? 'unknown'));
    }
  };

  return (
    <li className="c-person">
      <form noValidate onSubmit={save} aria-labelledby={`${id}-name`}>
        <h3 id={`${id}-name`} className="c-person__email">
          {name}
        </h3>
        <div className="c-grid">
          <Field
            id={`${id}-days`}
            label={t('console.categories.days')}
            hint={t('console.categories.daysHint')}
            error={error}
          >
            {(describedBy) => (
              <input
                id={`${id}-days`}
                className="c-input c-input--short"
                type="text"
                inputMode="numeric"
                value={days}
                aria-describedby={describedBy}
                aria-invalid={error ? true : undefined}
                onChange={(e) => setDays(e.target.value)}
              />
            )}
          </Field>
          <Field id={`${id}-department`} label={t('console.categories.department')}>
            {(describedBy) => (
              <select
                id={`${id}-department`}
                className="c-select"
                value={department}
                aria-describedby={describedBy}
                onChange={(e) => setDepartment(e.target.value)}
              >
                {reference.departments.map((d) => (
                  <option key={d.code} value={d.code}>
                    {nameIn(locale, reference.departments, d.code)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <div className="c-checkbox">
          <input
            id={`${id}-active`}
            type="checkbox"
            checked={active}
            onChange={(e) => setActive(e.target.checked)}
          />
          <label htmlFor={`${id}-active`}>{t('console.categories.active')}</label>
        </div>
        <button type="submit" className="button c-button--secondary">
          {t('console.categories.save')}
          <span className="visually-hidden"> {name}</span>
        </button>
      </form>
    </li>
  );
}
