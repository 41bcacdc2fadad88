/**
 * The outbox in the browser: IndexedDB storage, one pass at a time across tabs, a pass on page load and one
 * whenever the connection comes back.
 */
import { idbStore, memoryStore } from './idb.ts';
import { createOutbox, type Outbox, type OutboxOptions } from './queue.ts';

export { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff.ts';
export { idbStore, memoryStore, openOutboxDb } from './idb.ts';
export {
  createOutbox,
  RATE_LIMIT_WAIT_MS,
  SendFailure,
  type Outbox,
  type OutboxOptions,
  type Sender,
} from './queue.ts';
export type { OutboxItem, OutboxPhoto, OutboxState, OutboxStore } from './types.ts';

/** Storage path of a queued photo: fixed per photo, so a retried upload lands on the same object. */
export const pendingPhotoPath = (itemId: string, photoId: string) => `pending/${itemId}/${photoId}.jpg`;

export async function startOutbox(
  o: Omit<OutboxOptions, 'store' | 'isOnline' | 'exclusive'>,
): Promise<Outbox> {
  let store = idbStore();
  try {
    await store.all();
  } catch {
    store = memoryStore();
  }
  const outbox = createOutbox({
    ...o,
    store,
    isOnline: () => navigator.onLine,
    // Web Locks (not in Safari before 15.4): without them two tabs may send the same item — harmless.
    exclusive: navigator.locks ? (pass) => navigator.locks.request('qingshan-outbox', pass) : undefined,
  });
  addEventListener('online', () => outbox.kick(true));
  void outbox.prune();
  outbox.kick();
  return outbox;
}

/** Asks the browser not to evict the outbox under storage pressure (best effort; some ask the person). */
export const keepStorage = () => navigator.storage?.persist?.().catch(() => false);
