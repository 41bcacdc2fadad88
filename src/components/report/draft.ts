/**
 * Autosave: what the person has typed is written to localStorage as they type, and their prepared photos to
 * IndexedDB, so a reload, a crash or a closed tab loses nothing. Cleared once the report is in the outbox
 * (which keeps it from then on). Storage that is blocked or full is skipped quietly: the form still works.
 */
import type { FieldProblem, FormFields, FormPhoto } from './form-state.ts';

const KEY = 'qingshan.reportDraft.v1';
const DB = 'qingshan-report-draft';
const STORE = 'photos';

export interface SavedDraft {
  fields: FormFields;
  /** In form order; the blobs are in IndexedDB under these ids. */
  photos: FormPhoto[];
  problem: FieldProblem | null;
}

interface StoredText {
  fields: FormFields;
  photos: Omit<FormPhoto, 'blob'>[];
  problem: FieldProblem | null;
}

let db: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  db ??= new Promise((resolve, reject) => {
    const r = indexedDB.open(DB, 1);
    r.onupgradeneeded = () => r.result.createObjectStore(STORE);
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  return db;
}

async function run<T>(mode: IDBTransactionMode, f: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const tx = (await open()).transaction(STORE, mode);
  const r = f(tx.objectStore(STORE));
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve(r.result);
    tx.onerror = tx.onabort = () => reject(tx.error);
  });
}

/** Saves the text at once (it is small and synchronous) and the blobs of photos not saved before. */
export function saveDraft(d: SavedDraft): void {
  try {
    const text: StoredText = { ...d, photos: d.photos.map(({ blob: _blob, ...meta }) => meta) };
    localStorage.setItem(KEY, JSON.stringify(text));
  } catch {
    // blocked or full: the draft lasts as long as the page
  }
}

export async function savePhoto(id: string, blob: Blob): Promise<void> {
  await run('readwrite', (s) => s.put(blob, id)).catch(() => undefined);
}

export async function deletePhoto(id: string): Promise<void> {
  await run('readwrite', (s) => s.delete(id)).catch(() => undefined);
}

/** The saved draft, or null; photos whose blob is gone are left out. */
export async function loadDraft(): Promise<SavedDraft | null> {
  let text: StoredText;
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    text = JSON.parse(raw) as StoredText;
    if (typeof text?.fields?.description !== 'string') return null;
  } catch {
    return null;
  }
  const photos: FormPhoto[] = [];
  for (const meta of text.photos ?? []) {
    const blob = await run<Blob | undefined>('readonly', (s) => s.get(meta.id)).catch(() => undefined);
    if (blob instanceof Blob) photos.push({ ...meta, blob });
  }
  return { fields: { ...text.fields }, photos, problem: text.problem ?? null };
}

export async function clearDraft(): Promise<void> {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // nothing stored
  }
  await run('readwrite', (s) => s.clear()).catch(() => undefined);
}
