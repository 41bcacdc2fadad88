/**
 * A tracking code to keep, with a copy button and the link to the report's page: the end of "sent" and of
 * "add me too". Loaded only once a report was sent or confirmed (both need the network), to keep the form's
 * first load small.
 */
import { useState } from 'preact/hooks';
import type { Ref } from 'preact';
import type { Translate } from './text.ts';

interface CodeProps {
  t: Translate;
  title: string;
  lead: string;
  code: string;
  href: string;
  note: string;
  headingRef: Ref<HTMLHeadingElement>;
  onAnother: () => void;
}

export function CodePanel({ t, title, lead, code, href, note, headingRef, onAnother }: CodeProps) {
  const [copied, setCopied] = useState<boolean | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      setCopied(true);
    } catch {
      // No clipboard access: select the code so the person can copy it themselves.
      const el = document.getElementById('rf-code');
      if (el) getSelection()?.selectAllChildren(el);
      setCopied(false);
    }
  };
  return (
    <section class="rf-panel rf-panel--done" aria-labelledby="rf-panel-title">
      <h2 id="rf-panel-title" tabIndex={-1} ref={headingRef}>
        {title}
      </h2>
      <p>{lead}</p>
      <p class="rf-code-line">
        <span id="rf-code-label">{t('report.sent.codeLabel')}</span>{' '}
        <strong id="rf-code" class="rf-code">
          {code}
        </strong>
      </p>
      <div class="rf-actions">
        <button type="button" class="button rf-button--secondary" onClick={copy}>
          {t('report.sent.copy')}
        </button>
        <span role="status" class="rf-copy-status">
          {copied === null ? '' : copied ? t('report.sent.copied') : t('report.sent.copyManually')}
        </span>
      </div>
      <p>
        <a href={href}>{t('report.sent.link')}</a>
      </p>
      <p>{note}</p>
      <button type="button" class="button" onClick={onAnother}>
        {t('report.send.another')}
      </button>
    </section>
  );
}
