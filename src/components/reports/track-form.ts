/**
 * Checks a tracking code before leaving the track page: empty, not a code, or no such report each get an
 * error summary (focused, linking to the field) and an inline error; the typed text stays. A good code
 * opens the report page in its canonical form.
 */
import { fetchReport } from '../../lib/supabase/reports.ts';
import { normalizeTrackingCode } from './tracking-code.ts';

interface TrackMessages {
  title: string;
  prefix: string;
  required: string;
  format: string;
  notFound: string;
  network: string;
}

function showError(form: HTMLFormElement, messages: TrackMessages, text: string) {
  const input = form.querySelector<HTMLInputElement>('#track-code')!;
  const field = form.querySelector<HTMLElement>('[data-track-field]')!;
  form.querySelector('.rf-error-summary')?.remove();
  field.querySelector('#track-code-error')?.remove();

  const summary = document.createElement('div');
  summary.className = 'rf-error-summary';
  summary.setAttribute('role', 'alert');
  summary.setAttribute('aria-labelledby', 'track-errors-title');
  summary.tabIndex = -1;
  summary.id = 'track-errors';
  const title = document.createElement('h2');
  title.id = 'track-errors-title';
  title.textContent = messages.title;
  const list = document.createElement('ul');
  const item = document.createElement('li');
  const link = document.createElement('a');
  link.href = '#track-code';
  link.textContent = text;
  link.addEventListener('click', (event) => {
    event.preventDefault();
    input.focus();
  });
  item.append(link);
  list.append(item);
  summary.append(title, list);
  form.prepend(summary);

  const error = document.createElement('p');
  error.id = 'track-code-error';
  error.className = 'rf-error';
  const prefix = document.createElement('span');
  prefix.className = 'visually-hidden';
  prefix.textContent = `${messages.prefix} `;
  error.append(prefix, text);
  input.before(error);
  field.classList.add('rf-field--error');
  input.setAttribute('aria-invalid', 'true');
  input.setAttribute('aria-describedby', 'track-code-hint track-code-error');
  summary.focus();
}

export function enhanceTrackForm(form: HTMLFormElement): void {
  const messages = JSON.parse(form.dataset.messages ?? '{}') as TrackMessages;
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const typed = String(new FormData(form).get('code') ?? '').trim();
    if (!typed) return showError(form, messages, messages.required);
    const code = normalizeTrackingCode(typed);
    if (!code) return showError(form, messages, messages.format);
    if (button) button.disabled = true;
    try {
      const report = await fetchReport(code);
      if (!report) return showError(form, messages, messages.notFound.replace('{{code}}', code));
      window.location.assign(`${form.action.split('?')[0]}?code=${encodeURIComponent(code)}`);
    } catch {
      showError(form, messages, messages.network);
    } finally {
      if (button) button.disabled = false;
    }
  });
}
