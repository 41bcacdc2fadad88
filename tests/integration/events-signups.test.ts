/**
 * Clean-day capacity under concurrency, through the gateway and PostgREST like the site: 50 people press
 * "sign up" at the same moment for 20 places; exactly 20 are confirmed and 30 wait, in the order the database
 * took them. Then cancellations and new sign-ups race each other, and the places still add up. Each person has
 * their own client address (X-Forwarded-For), as 50 phones would. The figures are printed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonClient, closeSql, sql } from './support/stack.ts';

let eventId: string;
const PEOPLE = 50;
const PLACES = 20;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function timed<T>(run: () => PromiseLike<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await run();
  return { value, ms: performance.now() - start };
}

beforeAll(async () => {
  const [row] = await sql<{ id: string }>(
    `insert into public.events (title_zh, title_en, description_zh, description_en, starts_at, ends_at, place_zh,
       place_en, location, district_code, capacity, organiser_zh, organiser_en, status)
     values ('并发测试清洁日', 'Concurrency test clean day', '测试', 'Test', now() + interval '3 days',
       now() + interval '3 days 2 hours', '测试广场', 'Test Square', 'SRID=4326;POINT(114.11 22.59)', 'dongcheng',
       $1, '测试', 'Test', 'published')
     returning id`,
    [PLACES],
  );
  eventId = row!.id;
});

afterAll(async () => {
  await sql('delete from public.events where id = $1', [eventId]);
  await closeSql();
});

describe('sign-ups under concurrency', () => {
  const tokens: { token: string; status: string }[] = [];

  it(`${PEOPLE} simultaneous sign-ups for ${PLACES} places leave exactly ${PLACES} confirmed and ${PEOPLE - PLACES} waiting`, async () => {
    const clients = Array.from({ length: PEOPLE }, () => anonClient());
    const start = performance.now();
    const results = await Promise.all(
      clients.map((client, i) =>
        timed(() =>
          client.rpc('signup_for_event', {
            p_event_id: eventId,
            p_name: `Volunteer ${i + 1}`,
            p_contact: `volunteer${i + 1}@concurrency.test`,
            p_party_size: 1,
          }),
        ),
      ),
    );
    const wall = performance.now() - start;
    const errors = results.filter((r) => r.value.error).map((r) => r.value.error?.message);
    expect(errors).toEqual([]);
    for (const r of results) {
      const row = (r.value.data as { status: string; cancel_token: string }[])[0]!;
      tokens.push({ token: row.cancel_token, status: row.status });
    }

    const answered = { confirmed: 0, waitlisted: 0 } as Record<string, number>;
    for (const t of tokens) answered[t.status] = (answered[t.status] ?? 0) + 1;
    const [stored] = await sql<{
      confirmed: number;
      waitlisted: number;
      spots_taken: number;
      waitlist_count: number;
    }>(
      `select count(*) filter (where s.status = 'confirmed')::int as confirmed,
              count(*) filter (where s.status = 'waitlisted')::int as waitlisted,
              e.spots_taken, e.waitlist_count
         from public.events e join public.event_signups s on s.event_id = e.id
        where e.id = $1 group by e.id`,
      [eventId],
    );
    const latencies = results.map((r) => r.ms).sort((a, b) => a - b);
    console.log(
      `[events concurrency] ${PEOPLE} simultaneous sign-ups for ${PLACES} places through the gateway: ` +
        `${stored?.confirmed} confirmed, ${stored?.waitlisted} waiting (answers: ${answered.confirmed} confirmed, ` +
        `${answered.waitlisted} waitlisted); wall ${wall.toFixed(0)} ms; per request min ` +
        `${latencies[0]?.toFixed(0)} / median ${percentile(latencies, 50).toFixed(0)} / p95 ` +
        `${percentile(latencies, 95).toFixed(0)} / max ${latencies.at(-1)?.toFixed(0)} ms`,
    );
    expect(answered).toEqual({ confirmed: PLACES, waitlisted: PEOPLE - PLACES });
    expect(stored).toEqual({
      confirmed: PLACES,
      waitlisted: PEOPLE - PLACES,
      spots_taken: PLACES,
      waitlist_count: PEOPLE - PLACES,
    });
  });

  it('the confirmed are the first twenty the database took, the rest wait in that order', async () => {
    const rows = await sql<{ status: string }>(
      `select status from public.event_signups where event_id = $1 order by created_at, id`,
      [eventId],
    );
    expect(rows.map((r) => r.status)).toEqual([
      ...Array<string>(PLACES).fill('confirmed'),
      ...Array<string>(PEOPLE - PLACES).fill('waitlisted'),
    ]);
  });

  it('ten cancellations racing ten new sign-ups still leave every place taken once, oldest waiting first', async () => {
    const leaving = tokens.filter((t) => t.status === 'confirmed').slice(0, 10);
    const [before] = await sql<{ first_waiting: string[] }>(
      `select array_agg(name order by created_at, id) filter (where status = 'waitlisted') as first_waiting
         from public.event_signups where event_id = $1`,
      [eventId],
    );
    const start = performance.now();
    const results = await Promise.all([
      ...leaving.map((t) => anonClient().rpc('cancel_event_signup', { p_cancel_token: t.token })),
      ...Array.from({ length: 10 }, (_, i) =>
        anonClient().rpc('signup_for_event', {
          p_event_id: eventId,
          p_name: `Latecomer ${i + 1}`,
          p_contact: `late${i + 1}@concurrency.test`,
        }),
      ),
    ]);
    const wall = performance.now() - start;
    expect(results.filter((r) => r.error).map((r) => r.error?.message)).toEqual([]);

    const [after] = await sql<{
      confirmed: number;
      waitlisted: number;
      cancelled: number;
      promoted: string[];
    }>(
      `select count(*) filter (where status = 'confirmed')::int as confirmed,
              count(*) filter (where status = 'waitlisted')::int as waitlisted,
              count(*) filter (where status = 'cancelled')::int as cancelled,
              array_agg(name order by created_at, id) filter (where status = 'confirmed' and name like 'Volunteer%') as promoted
         from public.event_signups where event_id = $1`,
      [eventId],
    );
    console.log(
      `[events concurrency] 10 cancellations racing 10 new sign-ups: ${after?.confirmed} confirmed, ` +
        `${after?.waitlisted} waiting, ${after?.cancelled} cancelled; wall ${wall.toFixed(0)} ms`,
    );
    expect(after).toMatchObject({ confirmed: PLACES, waitlisted: PEOPLE - PLACES, cancelled: 10 });
    // Freed places went to the ten who had waited longest, never to a latecomer who jumped the queue.
    const stillConfirmed = new Set(after?.promoted);
    expect(before?.first_waiting.slice(0, 10).every((name) => stillConfirmed.has(name))).toBe(true);
  });
});
