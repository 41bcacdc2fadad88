/** "Share this clean day": the phone's share sheet where there is one, else the link to copy. */
import { useEffect, useState } from 'preact/hooks';
import type { Translate } from './text.ts';

export default function ShareLink({ t }: { t: Translate }) {
  const [url, setUrl] = useState('');
  const [copied, setCopied] = useState(false);
  useEffect(() => setUrl(window.location.href), []);

  const share = async () => {
    if (navigator.share) {
      try {
        await navigator.share({ title: document.title, url });
        return;
      } catch {
        // Dismissed, or not allowed here: fall back to copying.
      }
    }
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      (document.getElementById('events-share-url') as HTMLInputElement | null)?.select();
    }
  };

  return (
    <section class="events-share" aria-labelledby="events-share-heading">
      <h2 id="events-share-heading">{t('events.view.share')}</h2>
      <label for="events-share-url">{t('events.view.shareLabel')}</label>
      <div class="events-share__row">
        <input
          id="events-share-url"
          type="text"
          readOnly
          value={url}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" class="button button--secondary" onClick={share}>
          {t('events.view.copyLink')}
        </button>
      </div>
      <p role="status" class="meta">
        {copied ? t('events.view.linkCopied') : ''}
      </p>
    </section>
  );
}
