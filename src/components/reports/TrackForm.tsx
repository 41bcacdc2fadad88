/**
 * Find a report by its tracking code. Without JavaScript the form simply opens the report page; with it, the
 * code is read the forgiving way (case, spaces, dashes) and checked first, so a mistyped or unknown code gets
 * a clear message here, with what was typed kept in the field.
 */
import { useState } from 'preact/hooks';
import type { TargetedSubmitEvent } from 'preact';
import { fetchReport } from '../../lib/supabase/reports.ts';
import { translator, type Messages } from './format.ts';
import { normalizeTrackingCode } from './tracking-code.ts';

interface Props {
  lang: string;
  messages: Messages;
  reportPath: string;
}

export default function TrackForm({ lang, messages, reportPath }: Props) {
  const t = translator(lang, messages);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const fail = (text: string) => {
    setError(text);
    requestAnimationFrame(() => document.getElementById('track-errors')?.focus());
  };

  const submit = async (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const typed = String(new FormData(event.currentTarget).get('code') ?? '').trim();
    if (!typed) return fail(t('track.error.required'));
    const code = normalizeTrackingCode(typed);
    if (!code) return fail(t('track.error.format'));
    setBusy(true);
    try {
      const report = await fetchReport(code);
      if (!report) return fail(t('track.error.notFound', { code }));
      window.location.assign(`${reportPath}?code=${encodeURIComponent(code)}`);
    } catch {
      fail(t('track.error.network'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="track-form" method="get" action={reportPath} onSubmit={submit} noValidate>
      {error && (
        <div
          class="rf-error-summary"
          role="alert"
          aria-labelledby="track-errors-title"
          tabIndex={-1}
          id="track-errors"
        >
          <h2 id="track-errors-title">{t('track.error.title')}</h2>
          <ul>
            <li>
              <a href="#track-code">{error}</a>
            </li>
          </ul>
        </div>
      )}
      <div class={`rf-field${error ? ' rf-field--error' : ''}`}>
        <label for="track-code" class="rf-label-large">
          {t('track.label')}
        </label>
        <p id="track-code-hint" class="rf-hint">
          {t('track.hint')}
        </p>
        {error && (
          <p id="track-code-error" class="rf-error">
            <span class="visually-hidden">{t('track.error.prefix')}</span> {error}
          </p>
        )}
        <input
          id="track-code"
          name="code"
          type="text"
          class="track-form__input"
          autoComplete="off"
          autoCapitalize="characters"
          spellcheck={false}
          aria-describedby={error ? 'track-code-hint track-code-error' : 'track-code-hint'}
          aria-invalid={error ? 'true' : undefined}
        />
      </div>
      <button type="submit" class="button" disabled={busy}>
        {t('track.submit')}
      </button>
    </form>
  );
}
