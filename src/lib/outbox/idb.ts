/**
 * A few lines of promise wrapper over IndexedDB — all the outbox needs, rather than a library.
 * Items (with their photo Blobs) are stored as they are, keyed by id.
 */
import type { OutboxItem, OutboxStore } from './types.ts';

const DB = 'qingshan-outbox';
const STORE = 'items';

const done = <T>(r: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });

export function openOutboxDb(): Promise<IDBDatabase> {
  const r = indexedDB.open(DB, 1);
  r.onupgradeneeded = () => r.result.createObjectStore(STORE, { keyPath: 'id' });
  return done(r);
}

/** The outbox store over an IndexedDB database (opened lazily, once). */
export function idbStore(db: Promise<IDBDatabase> = openOutboxDb()): OutboxStore {
  const read = async <T>(f: (s: IDBObjectStore) => IDBRequest<T>) =>
    done(f((await db).transaction(STORE).objectStore(STORE)));
  // A write counts once its transaction has committed, not when the request succeeded.
  const write = async (f: (s: IDBObjectStore) => void) => {
    const tx = (await db).transaction(STORE, 'readwrite');
    f(tx.objectStore(STORE));
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = tx.onabort = () => reject(tx.error);
    });
  };
  return {
    all: () => read<OutboxItem[]>((s) => s.getAll()),
    get: (id) => read<OutboxItem | undefined>((s) => s.get(id)),
    put: (item) => write((s) => s.put(item)),
    delete: (id) => write((s) => s.delete(id)),
  };
}

/**
 * A store in memory, for when IndexedDB cannot be opened (some private modes): the report can still be sent
 * from this page, it just does not survive a reload. Items are copied in and out as IndexedDB would.
 */
export function memoryStore(): OutboxStore {
  const items = new Map<string, OutboxItem>();
  return {
    all: async () => [...items.values()].map((i) => structuredClone(i)),
    get: async (id) => (items.has(id) ? structuredClone(items.get(id)) : undefined),
    put: async (item) => void items.set(item.id, structuredClone(item)),
    delete: async (id) => void items.delete(id),
  };
}
