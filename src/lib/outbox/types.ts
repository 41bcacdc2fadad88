import type { ReportDraft, ReportErrorKey } from '../report/validation.ts';

/**
 * waiting: kept on the device, to be sent (first time, or again after a failure that may pass);
 * sending: a request is out; sent: the server answered with a tracking code;
 * failed: the server refused the report as it is (the person has to change something).
 */
export type OutboxState = 'waiting' | 'sending' | 'sent' | 'failed';

export interface OutboxPhoto {
  /** A uuid fixed when the photo is queued, so every attempt uploads to the same storage path. */
  id: string;
  blob: Blob;
  /** Set once the upload succeeded, so a retry does not upload it again. */
  uploaded: boolean;
}

export interface OutboxItem {
  /** Also the report's idempotency key: the server creates one report per key, however often it is sent. */
  id: string;
  draft: ReportDraft;
  photos: OutboxPhoto[];
  state: OutboxState;
  /** Attempts made so far. */
  attempts: number;
  /** Epoch ms before which no automatic attempt is made. */
  nextAttemptAt: number;
  /** The last problem, as a message key (also kept while waiting, to say why it is still waiting). */
  error: ReportErrorKey | null;
  result: { trackingCode: string; reporterToken: string | null } | null;
  createdAt: number;
  updatedAt: number;
}

/** Where items are kept: IndexedDB in the browser (idb.ts); anything with these four operations in tests. */
export interface OutboxStore {
  all(): Promise<OutboxItem[]>;
  get(id: string): Promise<OutboxItem | undefined>;
  put(item: OutboxItem): Promise<void>;
  delete(id: string): Promise<void>;
}
