/**
 * The outbox: reports wait on the device until the server has them. The logic here knows nothing of IndexedDB,
 * timers or the network — it is given a store, a sender and a clock — so it can be tested as it is.
 *
 * Exactly once: every item carries its idempotency key from the start and every attempt sends that same key,
 * so sending again after an unclear failure (a timeout, a dropped response, a closed tab) cannot create a
 * second report — the server answers with the first one's tracking code.
 */
import type { ReportDraft, ServerProblem } from '../report/validation.ts';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff.ts';
import type { OutboxItem, OutboxStore } from './types.ts';

export interface SendHooks {
  /** Record that a photo is in storage, so a later attempt skips it. */
  photoUploaded(photoId: string): Promise<void>;
}

/** Uploads the photos and calls submit_report; throws SendFailure (or anything, meaning "try again later"). */
export type Sender = (
  item: OutboxItem,
  hooks: SendHooks,
) => Promise<{ trackingCode: string; reporterToken: string | null }>;

/** What a sender throws when it knows what went wrong (see serverProblem in report/validation.ts). */
export class SendFailure extends Error {
  readonly problem: ServerProblem;
  constructor(problem: ServerProblem) {
    super(problem.key);
    this.problem = problem;
  }
}

export interface OutboxOptions {
  store: OutboxStore;
  send: Sender;
  /** Every change, with all items oldest first: for "waiting to send" and the like. */
  onChange?: (items: OutboxItem[]) => void;
  /** Once per item, when the server has it: e.g. add it to "my reports". */
  onSent?: (item: OutboxItem) => void;
  /** No attempt while this says offline; the 'online' event starts the next one. */
  isOnline?: () => boolean;
  /** Runs a pass alone across tabs (navigator.locks in the browser); without it tabs may overlap, safely. */
  exclusive?: (pass: () => Promise<void>) => Promise<void>;
  now?: () => number;
  random?: () => number;
  uuid?: () => string;
  setTimer?: (fn: () => void, ms: number) => () => void;
  backoff?: BackoffOptions;
}

/** A rate limit lasts a while: asking again within the minute only spends another attempt. */
export const RATE_LIMIT_WAIT_MS = 60_000;

export type Outbox = ReturnType<typeof createOutbox>;

export function createOutbox(o: OutboxOptions) {
  const now = o.now ?? Date.now;
  const isOnline = o.isOnline ?? (() => true);
  const uuid = o.uuid ?? (() => crypto.randomUUID());
  const setTimer =
    o.setTimer ??
    ((fn, ms) => {
      const t = setTimeout(fn, ms);
      return () => clearTimeout(t);
    });
  const exclusive = o.exclusive ?? ((pass) => pass());
  let running: Promise<void> | null = null;
  let again = false;
  let forceAgain = false;
  let cancelTimer: (() => void) | null = null;
  let stopped = false;

  // Passes started from events and timers have no caller to hear of a failure (a storage error): log it.
  const kick = (force = false) => void flush(force).catch((e: unknown) => console.error('outbox:', e));
  const list = async () => (await o.store.all()).sort((a, b) => a.createdAt - b.createdAt);
  const save = async (item: OutboxItem) => {
    await o.store.put(item);
    o.onChange?.(await list());
  };

  async function attempt(item: OutboxItem) {
    let cur: OutboxItem = { ...item, state: 'sending', attempts: item.attempts + 1, updatedAt: now() };
    await save(cur);
    try {
      const result = await o.send(cur, {
        photoUploaded: async (photoId) => {
          cur = { ...cur, photos: cur.photos.map((p) => (p.id === photoId ? { ...p, uploaded: true } : p)) };
          await o.store.put(cur);
        },
      });
      // Another tab may have sent it first and kept the reporter token: never replace a token with null.
      const earlier = (await o.store.get(cur.id))?.result?.reporterToken ?? null;
      cur = {
        ...cur,
        state: 'sent',
        photos: [], // the server has them; free the device's storage
        error: null,
        result: { trackingCode: result.trackingCode, reporterToken: result.reporterToken ?? earlier },
        updatedAt: now(),
      };
      await save(cur);
      o.onSent?.(cur);
    } catch (e) {
      const p = e instanceof SendFailure ? e.problem : null;
      const key = p?.key ?? 'report.error.form.server';
      if (p && !p.retry) {
        cur = { ...cur, state: 'failed', error: key, updatedAt: now() };
      } else {
        let wait = backoffDelay(cur.attempts, o.random, o.backoff ?? DEFAULT_BACKOFF);
        if (key === 'report.error.form.rateLimited') wait = Math.max(wait, RATE_LIMIT_WAIT_MS);
        cur = { ...cur, state: 'waiting', error: key, nextAttemptAt: now() + wait, updatedAt: now() };
      }
      await save(cur);
    }
  }

  /** One pass over the queue, oldest first, one request at a time (kind to a weak connection). */
  async function pass(force: boolean) {
    for (const item of await list()) {
      if (!isOnline() || stopped) return;
      // 'sending' found here was left by a closed tab or a crash: its fate is unknown, so send it again.
      const due =
        item.state === 'sending' || (item.state === 'waiting' && (force || item.nextAttemptAt <= now()));
      if (due) await attempt(item);
    }
  }

  /** Sets a timer for the earliest retry; none while offline (the 'online' event will flush). */
  async function plan() {
    cancelTimer?.();
    cancelTimer = null;
    if (stopped || !isOnline()) return;
    const times = (await o.store.all()).filter((i) => i.state === 'waiting').map((i) => i.nextAttemptAt);
    if (times.length) cancelTimer = setTimer(() => kick(), Math.max(0, Math.min(...times) - now()));
  }

  /**
   * Sends what is due. `force` also sends items still waiting out their backoff (the connection just came
   * back). A flush asked for while one runs makes that one go round again rather than run alongside.
   */
  function flush(force = false): Promise<void> {
    if (running) {
      again = true;
      forceAgain ||= force;
      return running;
    }
    running = (async () => {
      try {
        let f = force;
        do {
          again = false;
          await exclusive(() => pass(f));
          f = forceAgain;
          forceAgain = false;
        } while (again && !stopped);
      } finally {
        running = null;
      }
      await plan();
    })();
    return running;
  }

  return {
    list,
    flush,
    kick,

    /**
     * Queues a report and starts sending it. `id` is the draft's idempotency key; queuing the same key again
     * (a double tap on "send") returns the item already queued.
     */
    async add(draft: ReportDraft, photos: readonly Blob[], id: string = uuid()): Promise<OutboxItem> {
      const existing = await o.store.get(id);
      if (existing) return existing;
      const t = now();
      const item: OutboxItem = {
        id,
        draft,
        photos: photos.map((blob) => ({ id: uuid(), blob, uploaded: false })),
        state: 'waiting',
        attempts: 0,
        nextAttemptAt: t,
        error: null,
        result: null,
        createdAt: t,
        updatedAt: t,
      };
      await save(item);
      kick();
      return item;
    },

    /** A corrected draft for a failed (or still waiting) item, sent afresh under the same key. */
    async update(id: string, draft: ReportDraft): Promise<boolean> {
      const item = await o.store.get(id);
      if (!item || (item.state !== 'failed' && item.state !== 'waiting')) return false;
      await save({
        ...item,
        draft,
        state: 'waiting',
        attempts: 0,
        error: null,
        nextAttemptAt: now(),
        updatedAt: now(),
      });
      kick();
      return true;
    },

    /** Drops an item; not while a request for it is out (that request may still create the report). */
    async remove(id: string): Promise<boolean> {
      const item = await o.store.get(id);
      if (!item || item.state === 'sending') return false;
      await o.store.delete(id);
      o.onChange?.(await list());
      return true;
    },

    /** Forgets sent items older than `maxAgeMs` ("my reports" keeps what matters of them). */
    async prune(maxAgeMs = 7 * 24 * 3_600_000): Promise<void> {
      for (const i of await o.store.all()) {
        if (i.state === 'sent' && i.updatedAt < now() - maxAgeMs) await o.store.delete(i.id);
      }
    },

    /** Stops timers and further passes (the page is going away, or a test is over). */
    stop() {
      stopped = true;
      cancelTimer?.();
    },
  };
}
