/** @jsxImportSource react */
/**
 * The page a password-reset link opens (?token_hash=…&type=recovery): the link is checked with Auth, then the
 * person chooses a new password and can sign in to the console.
 */
import { useEffect, useState, type SubmitEvent } from 'react';
import { ConsoleError, updatePassword, verifyRecovery } from '../../lib/supabase/console.ts';
import { consoleHref, errorText, useWords } from './context.ts';
import { ErrorSummary, Field, Notice, type FieldErrors } from './Form.tsx';

const MIN_LENGTH = 8;

export default function SetPassword() {
  const { t, messages, basePath } = useWords();
  const [state, setState] = useState<'checking' | 'ready' | 'invalid' | 'done'>('checking');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    const tokenHash = params.get('token_hash');
    if (!tokenHash || params.get('type') !== 'recovery') {
      setState('invalid');
      return;
    }
    verifyRecovery(tokenHash)
      .then(() => {
        // The one-time token is spent: keep it out of the history and the address bar.
        window.history.replaceState(null, '', window.location.pathname);
        setState('ready');
      })
      .catch(() => setState('invalid'));
  }, []);

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next: FieldErrors = {};
    if (password.length < MIN_LENGTH)
      next['new-password'] = t('console.password.error.tooShort', { count: MIN_LENGTH });
    else if (confirm !== password) next['confirm-password'] = t('console.password.error.mismatch');
    setErrors(next);
    setAttempt((n) => n + 1);
    if (Object.keys(next).length > 0) return;
    setBusy(true);
    try {
      await updatePassword(password);
      setState('done');
    } catch (error) {
      const key = error instanceof ConsoleError ? error.key : 'unknown';
      setErrors({ 'new-password': errorText(t, messages, `password.${key}`) });
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="c-narrow">
      <h1 tabIndex={-1}>{t('console.password.title')}</h1>
      {state === 'checking' && <p role="status">{t('console.loading')}</p>}
      {state === 'invalid' && (
        <>
          <Notice kind="error" message={t('console.password.invalidLink')} />
          <p>
            <a href={basePath}>{t('console.password.backToSignIn')}</a>
          </p>
        </>
      )}
      {state === 'done' && (
        <>
          <Notice message={t('console.password.done')} />
          <p>
            <a href={consoleHref(basePath, '')}>{t('console.password.toConsole')}</a>
          </p>
        </>
      )}
      {state === 'ready' && (
        <form noValidate onSubmit={submit}>
          <ErrorSummary errors={errors} focusKey={attempt} />
          <Field
            id="new-password"
            label={t('console.password.new')}
            hint={t('console.password.hint', { count: MIN_LENGTH })}
            error={errors['new-password']}
          >
            {(describedBy) => (
              <input
                id="new-password"
                className="c-input"
                type="password"
                autoComplete="new-password"
                value={password}
                aria-describedby={describedBy}
                aria-invalid={errors['new-password'] ? true : undefined}
                onChange={(e) => setPassword(e.target.value)}
              />
            )}
          </Field>
          <Field
            id="confirm-password"
            label={t('console.password.confirm')}
            error={errors['confirm-password']}
          >
            {(describedBy) => (
              <input
                id="confirm-password"
                className="c-input"
                type="password"
                autoComplete="new-password"
                value={confirm}
                aria-describedby={describedBy}
                aria-invalid={errors['confirm-password'] ? true : undefined}
                onChange={(e) => setConfirm(e.target.value)}
              />
            )}
          </Field>
          <button className="button" type="submit" disabled={busy}>
            {t('console.password.submit')}
          </button>
        </form>
      )}
    </section>
  );
}
