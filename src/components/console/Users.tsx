/** @jsxImportSource react */
/**
 * Admins: find people and grant, change or revoke their console role (worker with a district, staff, admin).
 * set_user_role refuses everyone but admins and records each change in the audit log.
 */
import { useCallback, useEffect, useState, type SubmitEvent } from 'react';
import { fetchDirectory, setUserRole, type ConsoleRole, type Person } from '../../lib/supabase/console.ts';
import { errorText, nameIn, useConsole } from './context.ts';
import { Field, Notice } from './Form.tsx';
import { when } from './format.ts';

export default function Users() {
  const { t, messages } = useConsole();
  const [query, setQuery] = useState('');
  const [searched, setSearched] = useState('');
  const [people, setPeople] = useState<Person[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(
    (search: string) =>
      fetchDirectory(search, search !== '')
        .then((found) => {
          setPeople(found);
          setError(null);
        })
        .catch((failure: { key?: string }) => setError(errorText(t, messages, failure.key ?? 'unknown'))),
    [t, messages],
  );
  useEffect(() => void load(searched), [load, searched]);

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setNotice(null);
    setSearched(query.trim());
  };

  return (
    <section>
      <h1 tabIndex={-1}>{t('console.users.title')}</h1>
      <p>{t('console.users.intro')}</p>
      <form
        role="search"
        aria-label={t('console.users.searchLabel')}
        onSubmit={submit}
        className="c-inline-form"
      >
        <Field id="users-q" label={t('console.users.search')} hint={t('console.users.searchHint')}>
          {(describedBy) => (
            <input
              id="users-q"
              className="c-input"
              type="search"
              spellCheck={false}
              value={query}
              aria-describedby={describedBy}
              onChange={(e) => setQuery(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="button">
          {t('console.users.searchButton')}
        </button>
      </form>
      {notice && <Notice message={notice} />}
      {error && <Notice kind="error" message={error} />}
      <h2>{searched ? t('console.users.results', { query: searched }) : t('console.users.withRoles')}</h2>
      {people === null ? (
        <p role="status">{t('console.loading')}</p>
      ) : people.length === 0 ? (
        <p role="status">{t('console.users.none')}</p>
      ) : (
        <ul className="c-people">
          {people.map((person) => (
            <PersonRow
              key={person.id}
              person={person}
              onSaved={(message) => {
                setNotice(message);
                void load(searched);
              }}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function PersonRow({ person, onSaved }: { person: Person; onSaved: (message: string) => void }) {
  const { t, messages, locale, identity, reference } = useConsole();
  const [editing, setEditing] = useState(false);
  const [role, setRole] = useState<ConsoleRole | ''>(person.role ?? '');
  const [district, setDistrict] = useState(person.district ?? '');
  const [error, setError] = useState<string | undefined>();
  const roleName = (r: ConsoleRole | '' | null) =>
    t(
      r === 'admin'
        ? 'console.role.admin'
        : r === 'staff'
          ? 'console.role.staff'
          : r === 'worker'
            ? 'console.role.worker'
            : 'console.role.none',
    );
  const id = `person-${person.id}`;

  const save = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (role === 'worker' && !district) return setError(t('console.error.invalid_district'));
    try {
      await setUserRole(person.id, role || null, role === 'worker' ? district : null);
      setEditing(false);
      onSaved(t('console.users.saved', { email: person.email, role: roleName(role) }));
    } catch (failure) {
      setError(errorText(t, messages, (failure as { key?: string }).key ?? 'unknown'));
    }
  };

  return (
    <li className="c-person">
      <p className="c-person__email">
        <strong>{person.email}</strong>
      </p>
      <p>
        {roleName(person.role)}
        {person.district ? ` · ${nameIn(locale, reference.districts, person.district)}` : ''}
      </p>
      <p className="meta">
        {person.last_sign_in_at
          ? t('console.users.lastSignIn', { when: when(locale, person.last_sign_in_at) })
          : t('console.users.neverSignedIn')}
      </p>
      {person.id === identity.id ? (
        <p className="meta">{t('console.users.you')}</p>
      ) : !editing ? (
        <button type="button" className="button c-button--secondary" onClick={() => setEditing(true)}>
          {t('console.users.change')}
          <span className="visually-hidden"> {person.email}</span>
        </button>
      ) : (
        <form noValidate onSubmit={save} className="c-panel">
          <fieldset className="c-fieldset">
            <legend className="c-label">{t('console.users.roleFor', { email: person.email })}</legend>
            <div className="c-radios">
              {(['', 'worker', 'staff', 'admin'] as const).map((value) => (
                <div className="c-radio" key={value || 'none'}>
                  <input
                    type="radio"
                    id={`${id}-${value || 'none'}`}
                    name={`${id}-role`}
                    value={value}
                    checked={role === value}
                    onChange={() => setRole(value)}
                  />
                  <label htmlFor={`${id}-${value || 'none'}`}>{roleName(value)}</label>
                </div>
              ))}
            </div>
          </fieldset>
          {role === 'worker' && (
            <Field id={`${id}-district`} label={t('console.users.district')} error={error}>
              {(describedBy) => (
                <select
                  id={`${id}-district`}
                  className="c-select"
                  value={district}
                  aria-describedby={describedBy}
                  aria-invalid={error ? true : undefined}
                  onChange={(e) => setDistrict(e.target.value)}
                >
                  <option value="">{t('console.users.chooseDistrict')}</option>
                  {reference.districts.map((d) => (
                    <option key={d.code} value={d.code}>
                      {nameIn(locale, reference.districts, d.code)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          {error && role !== 'worker' && <Notice kind="error" message={error} />}
          <div className="c-actions">
            <button type="submit" className="button">
              {t('console.users.save')}
            </button>
            <button type="button" className="c-link-button" onClick={() => setEditing(false)}>
              {t('console.action.cancel')}
            </button>
          </div>
        </form>
      )}
    </li>
  );
}
