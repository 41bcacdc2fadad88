import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_BACKOFF } from '../../src/lib/outbox/backoff.ts';
import { memoryStore } from '../../src/lib/outbox/idb.ts';
import { pendingPhotoPath } from '../../src/lib/outbox/index.ts';
import { createOutbox, RATE_LIMIT_WAIT_MS, SendFailure, type Sender } from '../../src/lib/outbox/queue.ts';
import type { OutboxItem, OutboxState } from '../../src/lib/outbox/types.ts';
import type { ReportDraft } from '../../src/lib/report/validation.ts';

const draft: ReportDraft = {
  category: 'garbage_pile',
  description: '路口有一堆建筑垃圾',
  lng: 120.38,
  lat: 36.07,
  address: '南湖路12号',
  district: null,
  contactPhone: null,
  contactEmail: null,
};
const photo = () => new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xd9])], { type: 'image/jpeg' });

/**
 * A stand-in for storage + submit_report with the contract's semantics: one report per idempotency key, the
 * same tracking code for a repeated key, the reporter token only on first creation. `fail` scripts what the
 * next calls do: 'before' fails before reaching the server, 'after' creates the report and loses the answer.
 */
function fakeServer() {
  const reports = new Map<string, { trackingCode: string; draft: ReportDraft; photos: string[] }>();
  const objects = new Map<string, number>();
  const fail: ('before' | 'after' | SendFailure)[] = [];
  let calls = 0;
  const send: Sender = async (item, hooks) => {
    calls++;
    for (const p of item.photos.filter((p) => !p.uploaded)) {
      const path = pendingPhotoPath(item.id, p.id);
      objects.set(path, (objects.get(path) ?? 0) + 1);
      await hooks.photoUploaded(p.id);
    }
    const next = fail.shift();
    if (next instanceof SendFailure) throw next;
    if (next === 'before') throw new TypeError('Failed to fetch');
    const existing = reports.get(item.id);
    const trackingCode = existing?.trackingCode ?? `QS-${String(reports.size + 1).padStart(4, '0')}-TEST`;
    if (!existing) {
      reports.set(item.id, {
        trackingCode,
        draft: item.draft,
        photos: item.photos.map((p) => pendingPhotoPath(item.id, p.id)),
      });
    }
    if (next === 'after') throw new TypeError('network connection was lost');
    return { trackingCode, reporterToken: existing ? null : `token-${trackingCode}` };
  };
  return { reports, objects, fail, send, calls: () => calls };
}

function setup(over: Partial<Parameters<typeof createOutbox>[0]> = {}) {
  const server = fakeServer();
  const clock = { t: 1_000_000 };
  const timers: { ms: number; fn: () => void; cancelled: boolean }[] = [];
  const states: OutboxState[][] = [];
  const sent: OutboxItem[] = [];
  let n = 0;
  const store = memoryStore();
  const outbox = createOutbox({
    store,
    send: server.send,
    now: () => clock.t,
    random: () => 0.5,
    uuid: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
    setTimer: (fn, ms) => {
      const t = { ms, fn, cancelled: false };
      timers.push(t);
      return () => void (t.cancelled = true);
    },
    onChange: (items) => states.push(items.map((i) => i.state)),
    onSent: (item) => sent.push(item),
    ...over,
  });
  const only = async () => {
    const items = await outbox.list();
    expect(items).toHaveLength(1);
    return items[0]!;
  };
  const liveTimers = () => timers.filter((t) => !t.cancelled);
  return { server, clock, timers, liveTimers, states, sent, store, outbox, only };
}

describe('backoff', () => {
  it('doubles the ceiling from 2 s and caps it at 5 minutes', () => {
    const top = (k: number) => backoffDelay(k, () => 1);
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(top)).toEqual([
      2_000, 4_000, 8_000, 16_000, 32_000, 64_000, 128_000, 256_000, 300_000, 300_000,
    ]);
    expect(top(1000)).toBe(300_000);
  });

  it('keeps at least half the ceiling, so a retry never comes almost at once', () => {
    expect(backoffDelay(1, () => 0)).toBe(1_000);
    expect(backoffDelay(4, () => 0)).toBe(8_000);
    expect(backoffDelay(50, () => 0)).toBe(150_000);
  });

  it('spreads the other half with the random number', () => {
    expect(backoffDelay(3, () => 0.25)).toBe(5_000);
    expect(backoffDelay(3, () => 0.5)).toBe(6_000);
    const seen = new Set(Array.from({ length: 50 }, () => backoffDelay(5)));
    expect(seen.size).toBeGreaterThan(40);
    expect(Math.min(...seen)).toBeGreaterThanOrEqual(16_000);
    expect(Math.max(...seen)).toBeLessThanOrEqual(32_000);
  });

  it('treats attempt 0 like attempt 1 and honours other options', () => {
    expect(backoffDelay(0, () => 1)).toBe(DEFAULT_BACKOFF.baseMs);
    expect(backoffDelay(3, () => 1, { baseMs: 100, factor: 3, maxMs: 500 })).toBe(500);
    expect(backoffDelay(2, () => 1, { baseMs: 100, factor: 3, maxMs: 500 })).toBe(300);
  });
});

describe('sending from the outbox', () => {
  it('keeps a new report as waiting, then sends it: waiting → sending → sent', async () => {
    const s = setup();
    const item = await s.outbox.add(draft, [photo(), photo()]);
    expect(item.state).toBe('waiting');
    await s.outbox.flush();
    const done = await s.only();
    expect(done).toMatchObject({
      id: item.id,
      state: 'sent',
      attempts: 1,
      error: null,
      photos: [],
      result: { trackingCode: 'QS-0001-TEST', reporterToken: 'token-QS-0001-TEST' },
    });
    expect(s.states).toEqual([['waiting'], ['sending'], ['sent']]);
    expect(s.sent.map((i) => i.result?.trackingCode)).toEqual(['QS-0001-TEST']);
    expect(s.server.reports.get(item.id)?.photos).toEqual(
      item.photos.map((p) => pendingPhotoPath(item.id, p.id)),
    );
  });

  it('keeps the photos as Blobs while waiting', async () => {
    const s = setup({ isOnline: () => false });
    await s.outbox.add(draft, [photo()]);
    const waiting = await s.only();
    expect(waiting.photos[0]!.blob).toBeInstanceOf(Blob);
    expect(new Uint8Array(await waiting.photos[0]!.blob.arrayBuffer())).toEqual(
      new Uint8Array([0xff, 0xd8, 0xff, 0xd9]),
    );
  });

  it('queues the same idempotency key once (a double tap on "send")', async () => {
    const s = setup({ isOnline: () => false });
    const key = '6f1c2c9e-8a57-4d8f-9a44-5b0f3f7e2a10';
    const a = await s.outbox.add(draft, [], key);
    const b = await s.outbox.add({ ...draft, description: 'changed' }, [], key);
    expect(b).toEqual(a);
    expect((await s.only()).draft.description).toBe(draft.description);
  });

  it('sends oldest first, one at a time', async () => {
    const s = setup({ isOnline: () => false });
    await s.outbox.add({ ...draft, description: 'first report' }, []);
    s.clock.t += 10;
    await s.outbox.add({ ...draft, description: 'second report' }, []);
    let inFlight = 0;
    const order: string[] = [];
    const send: Sender = async (item, hooks) => {
      inFlight++;
      expect(inFlight).toBe(1);
      order.push(item.draft.description);
      await new Promise((r) => setTimeout(r, 1));
      inFlight--;
      return s.server.send(item, hooks);
    };
    const t = setup({ store: s.store, send });
    await t.outbox.flush(true);
    expect(order).toEqual(['first report', 'second report']);
  });

  it('runs one pass at a time however often it is asked', async () => {
    const s = setup({ isOnline: () => false });
    await s.outbox.add(draft, []);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let calls = 0;
    const t = setup({
      store: s.store,
      send: async (item, hooks) => {
        calls++;
        await gate;
        return s.server.send(item, hooks);
      },
    });
    const flushes = [t.outbox.flush(), t.outbox.flush(true), t.outbox.flush()];
    await new Promise((r) => setTimeout(r, 5));
    release();
    await Promise.all(flushes);
    expect(calls).toBe(1);
    expect(s.server.reports.size).toBe(1);
  });

  it('wraps each pass in the exclusive lock', async () => {
    const passes: string[] = [];
    const s = setup({
      exclusive: async (pass) => {
        passes.push('lock');
        await pass();
        passes.push('unlock');
      },
    });
    await s.outbox.add(draft, []);
    await s.outbox.flush();
    expect(passes.slice(0, 2)).toEqual(['lock', 'unlock']);
    expect((await s.only()).state).toBe('sent');
  });
});

describe('retrying', () => {
  it('waits after a network failure with the backoff delay, and tries again when it is due', async () => {
    const s = setup();
    s.server.fail.push('before');
    const item = await s.outbox.add(draft, []);
    await s.outbox.flush();
    let now = await s.only();
    expect(now).toMatchObject({ state: 'waiting', attempts: 1, error: 'report.error.form.server' });
    expect(now.nextAttemptAt - s.clock.t).toBe(backoffDelay(1, () => 0.5));

    s.clock.t += 1_000; // not yet due (1.5 s)
    await s.outbox.flush();
    expect((await s.only()).attempts).toBe(1);

    s.clock.t += 500;
    await s.outbox.flush();
    now = await s.only();
    expect(now).toMatchObject({ id: item.id, state: 'sent', attempts: 2, error: null });
    expect(s.server.reports.size).toBe(1);
  });

  it('backs off further after each failure, up to the cap', async () => {
    const s = setup({ random: () => 1 });
    s.server.fail.push(...Array<'before'>(10).fill('before'));
    await s.outbox.add(draft, []); // starts the first attempt
    const waits: number[] = [];
    for (let i = 0; i < 10; i++) {
      await s.outbox.flush(i > 0);
      const it = await s.only();
      expect(it.attempts).toBe(i + 1);
      waits.push(it.nextAttemptAt - s.clock.t);
    }
    expect(waits).toEqual([2_000, 4_000, 8_000, 16_000, 32_000, 64_000, 128_000, 256_000, 300_000, 300_000]);
    await s.outbox.flush(true);
    expect((await s.only()).state).toBe('sent');
  });

  it('sets a timer for the next retry, and the timer sends it', async () => {
    const s = setup();
    s.server.fail.push('before');
    await s.outbox.add(draft, []);
    await s.outbox.flush();
    const live = s.liveTimers();
    expect(live).toHaveLength(1);
    expect(live[0]!.ms).toBe(1_500);
    s.clock.t += live[0]!.ms;
    live[0]!.fn();
    await s.outbox.flush(); // waits for the pass the timer started
    expect((await s.only()).state).toBe('sent');
    expect(s.liveTimers()).toHaveLength(0);
  });

  it('treats anything unexpected a sender throws as worth retrying', async () => {
    const s = setup({
      send: async () => {
        throw new Error('boom');
      },
    });
    await s.outbox.add(draft, []);
    await s.outbox.flush();
    expect(await s.only()).toMatchObject({ state: 'waiting', error: 'report.error.form.server' });
  });

  it('waits at least a minute after a rate limit', async () => {
    const s = setup();
    s.server.fail.push(new SendFailure({ field: null, key: 'report.error.form.rateLimited', retry: true }));
    await s.outbox.add(draft, []);
    await s.outbox.flush();
    const it = await s.only();
    expect(it).toMatchObject({ state: 'waiting', error: 'report.error.form.rateLimited' });
    expect(it.nextAttemptAt - s.clock.t).toBe(RATE_LIMIT_WAIT_MS);
  });

  it('stops at a refusal the person must fix, and sends the corrected draft under the same key', async () => {
    const s = setup();
    s.server.fail.push(
      new SendFailure({ field: 'contact', key: 'report.error.contact.invalid', retry: false }),
    );
    const item = await s.outbox.add({ ...draft, contactPhone: '12345' }, []);
    await s.outbox.flush();
    expect(await s.only()).toMatchObject({
      state: 'failed',
      error: 'report.error.contact.invalid',
      attempts: 1,
    });

    s.clock.t += 3_600_000;
    await s.outbox.flush(true);
    expect((await s.only()).state).toBe('failed');
    expect(s.server.calls()).toBe(1);
    expect(s.liveTimers()).toHaveLength(0);

    expect(await s.outbox.update(item.id, draft)).toBe(true);
    await s.outbox.flush();
    expect(await s.only()).toMatchObject({ id: item.id, state: 'sent', attempts: 1, error: null });
    expect(s.server.reports.get(item.id)?.draft.contactPhone).toBeNull();
  });
});

describe('offline', () => {
  it('makes no attempt and sets no timer while offline, and sends at once when back online', async () => {
    let online = false;
    const s = setup({ isOnline: () => online });
    await s.outbox.add(draft, [photo()]);
    await s.outbox.flush();
    expect(await s.only()).toMatchObject({ state: 'waiting', attempts: 0 });
    expect(s.server.calls()).toBe(0);
    expect(s.liveTimers()).toHaveLength(0);

    online = true;
    await s.outbox.flush(true); // what the 'online' event does
    expect((await s.only()).state).toBe('sent');
    expect(s.server.reports.size).toBe(1);
  });

  it('on reconnecting, sends even what was still waiting out its backoff', async () => {
    const s = setup();
    s.server.fail.push('before');
    await s.outbox.add(draft, []);
    await s.outbox.flush();
    expect((await s.only()).nextAttemptAt).toBeGreaterThan(s.clock.t);
    await s.outbox.flush(true);
    expect((await s.only()).state).toBe('sent');
  });
});

describe('exactly once', () => {
  it('creates one report when the answer to the first attempt was lost and it is sent again', async () => {
    const s = setup();
    s.server.fail.push('after');
    const item = await s.outbox.add(draft, [photo(), photo(), photo()]);
    await s.outbox.flush();
    expect(await s.only()).toMatchObject({ state: 'waiting', attempts: 1 });
    expect(s.server.reports.size).toBe(1); // the server has it; the device does not know

    await s.outbox.flush(true);
    const done = await s.only();
    expect(done).toMatchObject({ state: 'sent', attempts: 2 });
    expect(s.server.reports.size).toBe(1);
    expect(done.result?.trackingCode).toBe(s.server.reports.get(item.id)?.trackingCode);
    expect(s.sent).toHaveLength(1);
  });

  it('uploads each photo once across attempts, to a path fixed by the key', async () => {
    const s = setup();
    s.server.fail.push('before', 'after');
    const item = await s.outbox.add(draft, [photo(), photo()]);
    for (let i = 0; i < 3; i++) await s.outbox.flush(true);
    expect((await s.only()).state).toBe('sent');
    expect([...s.server.objects.entries()]).toEqual(
      item.photos.map((p) => [`pending/${item.id}/${p.id}.jpg`, 1]),
    );
  });

  it('remembers an upload at once, so a tab closed mid-send does not upload that photo again', async () => {
    const s = setup({ isOnline: () => false });
    const item = await s.outbox.add(draft, [photo(), photo()]);
    // This tab uploads the first photo, then is closed while the second is on its way.
    const closed = setup({
      store: s.store,
      send: async (it, hooks) => {
        s.server.objects.set(pendingPhotoPath(it.id, it.photos[0]!.id), 1);
        await hooks.photoUploaded(it.photos[0]!.id);
        return new Promise(() => {});
      },
    });
    void closed.outbox.flush();
    await new Promise((r) => setTimeout(r, 5));
    const reopened = setup({ store: s.store, send: s.server.send });
    await reopened.outbox.flush();
    expect((await reopened.only()).state).toBe('sent');
    expect([...s.server.objects.values()]).toEqual([1, 1]);
    expect(s.server.reports.get(item.id)?.photos).toHaveLength(2);
  });

  it('sends again an item left "sending" by a closed tab, under the same key', async () => {
    const s = setup();
    const item = await s.outbox.add(draft, [], '11111111-2222-4333-8444-555555555555');
    // Simulate a tab that created the report and was closed before it heard back.
    await s.store.put({ ...(await s.only()), state: 'sending', attempts: 1 });
    s.server.reports.set(item.id, { trackingCode: 'QS-AAAA-BBBB', draft, photos: [] });
    const t = setup({ store: s.store, send: s.server.send });
    await t.outbox.flush();
    expect(await t.only()).toMatchObject({ state: 'sent', result: { trackingCode: 'QS-AAAA-BBBB' } });
    expect(s.server.reports.size).toBe(1);
  });

  it('keeps the reporter token another tab got first when this tab hears only the tracking code', async () => {
    const s = setup({ isOnline: () => false });
    const item = await s.outbox.add(draft, []);
    const t = setup({
      store: s.store,
      send: async (it) => {
        // The other tab finished first while this request was out.
        await s.store.put({
          ...it,
          state: 'sent',
          result: { trackingCode: 'QS-1', reporterToken: 'secret' },
        });
        return { trackingCode: 'QS-1', reporterToken: null };
      },
    });
    await t.outbox.flush();
    expect((await t.only()).result).toEqual({ trackingCode: 'QS-1', reporterToken: 'secret' });
    expect(item.id).toBe((await t.only()).id);
  });
});

describe('housekeeping', () => {
  it('will not remove an item while its request is out, but will otherwise', async () => {
    const s = setup({ isOnline: () => false });
    const item = await s.outbox.add(draft, []);
    await s.store.put({ ...item, state: 'sending' });
    expect(await s.outbox.remove(item.id)).toBe(false);
    await s.store.put({ ...item, state: 'failed' });
    expect(await s.outbox.remove(item.id)).toBe(true);
    expect(await s.outbox.list()).toEqual([]);
    expect(await s.outbox.remove('missing')).toBe(false);
  });

  it('does not update a sent item', async () => {
    const s = setup();
    const item = await s.outbox.add(draft, []);
    await s.outbox.flush();
    expect(await s.outbox.update(item.id, { ...draft, description: 'too late now' })).toBe(false);
    expect(await s.outbox.update('missing', draft)).toBe(false);
  });

  it('prunes sent items after a week, never waiting or failed ones', async () => {
    const s = setup();
    await s.outbox.add(draft, []);
    await s.outbox.flush();
    s.server.fail.push(
      new SendFailure({ field: 'category', key: 'report.error.category.invalid', retry: false }),
    );
    await s.outbox.add(draft, []);
    await s.outbox.flush();
    s.clock.t += 7 * 24 * 3_600_000 - 1;
    await s.outbox.prune();
    expect((await s.outbox.list()).map((i) => i.state)).toEqual(['sent', 'failed']);
    s.clock.t += 2;
    await s.outbox.prune();
    expect((await s.outbox.list()).map((i) => i.state)).toEqual(['failed']);
  });

  it('stops timers and passes when stopped', async () => {
    const s = setup();
    s.server.fail.push('before');
    await s.outbox.add(draft, []);
    await s.outbox.flush();
    expect(s.liveTimers()).toHaveLength(1);
    s.outbox.stop();
    expect(s.liveTimers()).toHaveLength(0);
    await s.outbox.flush(true);
    expect((await s.only()).attempts).toBe(1);
  });
});
