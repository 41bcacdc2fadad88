/**
 * What the person sees while a report is in the outbox: waiting to send (offline, or a failing connection:
 * kept on the device and sent by itself later) or sending (a progress bar per photo); and the other reports
 * of this device still waiting. (The tracking code, once sent, is in CodePanel.tsx.)
 */
import type { Ref } from 'preact';
import type { OutboxItem } from '../../lib/outbox/types.ts';
import type { Translate } from './text.ts';

interface WaitingProps {
  t: Translate;
  item: OutboxItem;
  online: boolean;
  progress: Record<string, number>;
  headingRef: Ref<HTMLHeadingElement>;
  onRetry: () => void;
  onAnother: () => void;
}

export function WaitingPanel({ t, item, online, progress, headingRef, onRetry, onAnother }: WaitingProps) {
  const sending = item.state === 'sending';
  return (
    <section class="rf-panel" aria-labelledby="rf-panel-title">
      <h2 id="rf-panel-title" tabIndex={-1} ref={headingRef}>
        {sending ? t('report.send.sendingTitle') : t('report.send.waitingTitle')}
      </h2>
      <p role="status">
        {sending
          ? t('report.send.sending')
          : !online
            ? t('report.send.offline')
            : item.error
              ? t(item.error)
              : t('report.send.waiting')}
      </p>
      {item.photos.length > 0 && (
        <ul class="rf-progress-list">
          {item.photos.map((photo, i) => {
            const done = photo.uploaded ? 1 : (progress[photo.id] ?? 0);
            const percent = Math.round(done * 100);
            return (
              <li key={photo.id}>
                <label for={`rf-progress-${photo.id}`}>
                  {t('report.send.photoProgress', { n: i + 1, percent })}
                </label>
                <progress id={`rf-progress-${photo.id}`} max={100} value={percent} />
              </li>
            );
          })}
        </ul>
      )}
      <p>{t('report.send.kept')}</p>
      <div class="rf-actions">
        {!sending && online && (
          <button type="button" class="button" onClick={onRetry}>
            {t('report.send.retry')}
          </button>
        )}
        <button type="button" class="button rf-button--secondary" onClick={onAnother}>
          {t('report.send.another')}
        </button>
      </div>
    </section>
  );
}

interface OthersProps {
  t: Translate;
  items: OutboxItem[];
  /** A refused report can be brought back into the form only while the form is empty. */
  canCorrect: boolean;
  onCorrect: (item: OutboxItem) => void;
}

/** Earlier reports of this device still waiting to send, or refused and waiting to be corrected. */
export function OtherItems({ t, items, canCorrect, onCorrect }: OthersProps) {
  if (!items.length) return null;
  return (
    <section class="rf-others" aria-labelledby="rf-others-title">
      <h2 id="rf-others-title">{t('report.others.title')}</h2>
      <ul>
        {items.map((item) => (
          <li key={item.id}>
            <p class="rf-others__text">{[...item.draft.description].slice(0, 80).join('')}</p>
            <p class="rf-hint">
              {item.state === 'failed'
                ? t(item.error ?? 'report.error.form.server')
                : item.state === 'sending'
                  ? t('report.send.sendingTitle')
                  : t('report.send.waitingTitle')}
            </p>
            {item.state === 'failed' &&
              (canCorrect ? (
                <button type="button" class="button rf-button--secondary" onClick={() => onCorrect(item)}>
                  {t('report.others.correct')}
                </button>
              ) : (
                <p class="rf-hint">{t('report.others.finishFirst')}</p>
              ))}
          </li>
        ))}
      </ul>
    </section>
  );
}
