/**
 * Keeps a copy of the report page on the device (a service worker scoped to this page only), so that a
 * report waiting in the outbox is still shown — and sent — when the page is reopened without a connection.
 * The worker (report/sw.js, built from src/pages/[...lang]/report/sw.js.ts) is told which files this page
 * loaded, because they were fetched before it was running.
 */
export async function keepPageOffline(swUrl: string): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  try {
    await navigator.serviceWorker.register(swUrl, { scope: './' });
    const registration = await navigator.serviceWorker.ready;
    const sameSite = (url: string) => url.startsWith(location.origin + '/');
    const files = performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .filter((url) => sameSite(url) && new URL(url).pathname.startsWith('/_astro/'));
    registration.active?.postMessage({ type: 'keep', urls: [location.pathname, ...files] });
  } catch {
    // No offline copy (private mode, blocked): the outbox still keeps the reports.
  }
}
