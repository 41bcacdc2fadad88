/**
 * Keeps a report page current without a reload. Polling is the default (the local stack has no Realtime):
 * every POLL_MS while the page is visible, and at once when it becomes visible again. Where the build sets
 * PUBLIC_SUPABASE_REALTIME=true, a Realtime broadcast on the report's topic triggers a refresh straight away
 * and polling slows to once a minute as a safety net.
 */
export const POLL_MS = 30_000;
const POLL_WITH_REALTIME_MS = 60_000;

/** Calls `refresh` whenever the report may have changed; returns a function that stops watching. */
export function watchReport(code: string, refresh: () => void): () => void {
  const realtime = import.meta.env.PUBLIC_SUPABASE_REALTIME === 'true';
  const interval = realtime ? POLL_WITH_REALTIME_MS : POLL_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let unsubscribe: (() => void) | undefined;

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(tick, interval);
  };
  function tick() {
    if (stopped) return;
    if (document.visibilityState === 'visible') refresh();
    schedule();
  }
  const onVisible = () => {
    if (document.visibilityState === 'visible' && !stopped) {
      refresh();
      schedule();
    }
  };
  document.addEventListener('visibilitychange', onVisible);
  schedule();

  if (realtime) {
    void import('./live-realtime.ts').then(({ subscribeToReport }) => {
      if (!stopped) unsubscribe = subscribeToReport(code, refresh);
    });
  }

  return () => {
    stopped = true;
    clearTimeout(timer);
    document.removeEventListener('visibilitychange', onVisible);
    unsubscribe?.();
  };
}
