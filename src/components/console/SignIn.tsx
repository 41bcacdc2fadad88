/** @jsxImportSource react */
/**
 * Email and password sign-in, and the password-reset request. Auth's error codes become plain words: wrong
 * details, a locked (banned) account, an address not yet confirmed, too many attempts, no connection.
 */
import { useState, type SubmitEvent } from 'react';
import {
  ConsoleError,
  requestPasswordReset,
  signIn,
  type StaffIdentity,
} from '../../lib/supabase/console.ts';
import { consoleHref, errorText, useWords } from './context.ts';
import { ErrorSummary, Field, Notice, type FieldErrors } from './Form.tsx';

export default function SignIn({ onSignedIn }: { onSignedIn: (identity: StaffIdentity) => void }) {
  const { t, messages, basePath } = useWords();
  const [mode, setMode] = useState<'signin' | 'reset'>('signin');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<string | null>(null);

  const fail = (next: FieldErrors) => {
    setErrors(next);
    setAttempt((n) => n + 1);
  };

  const submitSignIn = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next: FieldErrors = {};
    if (!email.trim()) next['signin-email'] = t('console.signin.error.emailRequired');
    if (!password) next['signin-password'] = t('console.signin.error.passwordRequired');
    if (Object.keys(next).length > 0) return fail(next);
    setBusy(true);
    try {
      onSignedIn(await signIn(email, password));
    } catch (error) {
      const key = error instanceof ConsoleError ? error.key : 'unknown';
      const field = key === 'invalid_credentials' ? 'signin-password' : 'signin-email';
      fail({ [field]: errorText(t, messages, `signin.${key}`) });
    } finally {
      setBusy(false);
    }
  };

  const submitReset = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!email.trim()) return fail({ 'reset-email': t('console.signin.error.emailRequired') });
    setBusy(true);
    try {
      const redirectTo = new URL(consoleHref(basePath, 'password/'), window.location.origin).href;
      await requestPasswordReset(email, redirectTo);
      setErrors({});
      setSent(email.trim());
    } catch (error) {
      const key = error instanceof ConsoleError ? error.key : 'unknown';
      fail({ 'reset-email': errorText(t, messages, `signin.${key}`) });
    } finally {
      setBusy(false);
    }
  };

  const switchTo = (next: 'signin' | 'reset') => {
    setMode(next);
    setErrors({});
    setSent(null);
    // The heading of the new form is where the reader continues.
    requestAnimationFrame(() => document.querySelector<HTMLElement>('.c-console h1')?.focus());
  };

  if (mode === 'reset') {
    return (
      <section className="c-narrow">
        <h1 tabIndex={-1}>{t('console.reset.title')}</h1>
        {sent ? (
          <Notice message={t('console.reset.sent', { email: sent })} />
        ) : (
          <>
            <ErrorSummary errors={errors} focusKey={attempt} />
            <p>{t('console.reset.intro')}</p>
            <form noValidate onSubmit={submitReset}>
              <Field id="reset-email" label={t('console.signin.email')} error={errors['reset-email']}>
                {(describedBy) => (
                  <input
                    id="reset-email"
                    className="c-input"
                    type="email"
                    autoComplete="username"
                    spellCheck={false}
                    value={email}
                    aria-describedby={describedBy}
                    aria-invalid={errors['reset-email'] ? true : undefined}
                    onChange={(e) => setEmail(e.target.value)}
                  />
                )}
              </Field>
              <button className="button" type="submit" disabled={busy}>
                {t('console.reset.submit')}
              </button>
            </form>
          </>
        )}
        <p>
          <button type="button" className="c-link-button" onClick={() => switchTo('signin')}>
            {t('console.reset.back')}
          </button>
        </p>
      </section>
    );
  }

  return (
    <section className="c-narrow">
      <h1 tabIndex={-1}>{t('console.signin.title')}</h1>
      <ErrorSummary errors={errors} focusKey={attempt} />
      <p>{t('console.signin.intro')}</p>
      <form noValidate onSubmit={submitSignIn}>
        <Field id="signin-email" label={t('console.signin.email')} error={errors['signin-email']}>
          {(describedBy) => (
            <input
              id="signin-email"
              className="c-input"
              type="email"
              autoComplete="username"
              spellCheck={false}
              value={email}
              aria-describedby={describedBy}
              aria-invalid={errors['signin-email'] ? true : undefined}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
        </Field>
        <Field id="signin-password" label={t('console.signin.password')} error={errors['signin-password']}>
          {(describedBy) => (
            <input
              id="signin-password"
              className="c-input"
              type="password"
              autoComplete="current-password"
              value={password}
              aria-describedby={describedBy}
              aria-invalid={errors['signin-password'] ? true : undefined}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        <button className="button" type="submit" disabled={busy}>
          {busy ? t('console.signin.busy') : t('console.signin.submit')}
        </button>
      </form>
      <p>
        <button type="button" className="c-link-button" onClick={() => switchTo('reset')}>
          {t('console.signin.forgot')}
        </button>
      </p>
    </section>
  );
}
