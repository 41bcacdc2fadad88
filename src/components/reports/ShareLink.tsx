/** Share the report's page: the system share sheet where there is one, else copy the link (or show it). */
import { useState } from 'preact/hooks';
import type { Translate } from './format.ts';

export default function ShareLink({ t, title, url }: { t: Translate; title: string; url: string }) {
  const [message, setMessage] = useState('');
  const [showUrl, setShowUrl] = useState(false);

  const share = async () => {
    setMessage('');
    if (typeof navigator.share === 'function') {
      try {
        await navigator.share({ title, url });
        return;
      } catch (error) {
        if (error instanceof DOMException && error.name === 'AbortError') return; // closed the sheet
      }
    }
    try {
      await navigator.clipboard.writeText(url);
      setMessage(t('reportPage.share.copied'));
    } catch {
      setShowUrl(true);
      setMessage(t('reportPage.share.copyYourself'));
    }
  };

  return (
    <div class="rp-share">
      <button type="button" class="rf-secondary-button" onClick={share}>
        {t('reportPage.share.button')}
      </button>
      <p role="status" class="rp-share__message">
        {message}
      </p>
      {showUrl && (
        <div class="rf-field">
          <label for="rp-share-url">{t('reportPage.share.urlLabel')}</label>
          <input
            id="rp-share-url"
            type="url"
            readOnly
            value={url}
            onFocus={(e) => e.currentTarget.select()}
          />
        </div>
      )}
    </div>
  );
}
