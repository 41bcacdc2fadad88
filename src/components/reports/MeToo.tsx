/**
 * "Me too" (我也遇到): one confirmation per device. The database counts a device once (a keyed hash of the
 * device id from my-reports.ts); the device also remembers it, so the button says so after a reload.
 */
import { useState } from 'preact/hooks';
import { deviceId } from '../../lib/report/my-reports.ts';
import { confirmReport, ReportsQueryError } from '../../lib/supabase/reports.ts';
import { formatNumber, type Translate } from './format.ts';

const CONFIRMED_KEY = 'qingshan.meToo.v1';

function confirmedCodes(): string[] {
  try {
    const data: unknown = JSON.parse(localStorage.getItem(CONFIRMED_KEY) ?? '[]');
    return Array.isArray(data) ? data.filter((c): c is string => typeof c === 'string') : [];
  } catch {
    return [];
  }
}

function remember(code: string) {
  try {
    localStorage.setItem(
      CONFIRMED_KEY,
      JSON.stringify([code, ...confirmedCodes().filter((c) => c !== code)].slice(0, 500)),
    );
  } catch {
    // Storage blocked: the server still counts this device once.
  }
}

interface Props {
  t: Translate;
  lang: string;
  code: string;
  count: number;
  open: boolean;
  onCount: (count: number) => void;
}

export default function MeToo({ t, lang, code, count, open, onCount }: Props) {
  const [confirmed, setConfirmed] = useState(
    () => typeof localStorage !== 'undefined' && confirmedCodes().includes(code),
  );
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');

  const confirm = async () => {
    setBusy(true);
    setMessage('');
    try {
      const next = await confirmReport(code, deviceId());
      remember(code);
      setConfirmed(true);
      onCount(next);
      setMessage(t('reportPage.meToo.thanks_other', { count: next, n: formatNumber(lang, next) }));
    } catch (error) {
      const key = error instanceof ReportsQueryError ? error.key : 'unknown';
      setMessage(
        t(
          key === 'rate_limited' || key === 'report_not_open'
            ? `reportPage.meToo.error.${key}`
            : 'reportPage.meToo.error.unknown',
        ),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="rp-metoo">
      <p class="rp-metoo__count">
        {t('reportPage.meToo.count_other', { count, n: formatNumber(lang, count) })}
      </p>
      {open && !confirmed && (
        <button type="button" class="button" onClick={confirm} disabled={busy}>
          {t('reportPage.meToo.button')}
        </button>
      )}
      {open && confirmed && <p class="rp-metoo__done">{t('reportPage.meToo.already')}</p>}
      <p role="status" class="rp-metoo__message">
        {message}
      </p>
    </div>
  );
}
