/**
 * Starts this page's outbox (once) and follows it: every queued report with its state, and each photo's
 * upload progress while sending. Sending loads api.ts (and with it supabase-js) only when there is something
 * to send; every sent report goes into "my reports" with its reporter token.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { startOutbox, type Outbox, type OutboxItem, type Sender } from '../../lib/outbox/index.ts';

/**
 * Adds sent reports to "my reports". Called for each report as it is sent and again for every sent one on each
 * page load (adding is idempotent), so a page closed at the wrong moment loses nothing. Loaded on demand:
 * reports are sent only with a connection.
 */
async function rememberSent(sent: OutboxItem[]) {
  if (!sent.length) return;
  const { addMyReport } = await import('../../lib/report/my-reports.ts');
  for (const item of sent) {
    if (!item.result) continue;
    addMyReport({
      trackingCode: item.result.trackingCode,
      reporterToken: item.result.reporterToken ?? item.draft.reporterToken ?? null,
      createdAt: new Date(item.createdAt).toISOString(),
    });
  }
}

export function useOutbox() {
  const [items, setItems] = useState<OutboxItem[]>([]);
  const [ready, setReady] = useState(false);
  const [progress, setProgress] = useState<Record<string, number>>({});
  const outbox = useRef<Outbox | null>(null);

  useEffect(() => {
    const send: Sender = async (item, hooks) => {
      const api = await import('./api.ts');
      return api.sendReport(item, hooks, (_id, photoId, fraction) =>
        setProgress((p) => ({ ...p, [photoId]: fraction })),
      );
    };
    let stopped = false;
    void startOutbox({ send, onChange: setItems, onSent: (item) => void rememberSent([item]) }).then(
      async (o) => {
        if (stopped) return o.stop();
        outbox.current = o;
        const list = await o.list();
        setItems(list);
        setReady(true);
        void rememberSent(list.filter((i) => i.state === 'sent'));
      },
    );
    return () => {
      stopped = true;
      outbox.current?.stop();
    };
  }, []);

  return { items, ready, progress, outbox };
}
