/**
 * Clean-day sign-ups under load: `npm run bench event-signups` (or `node scripts/bench/event-signups.ts` with the
 * stack's env loaded). Each round makes a fresh event with 20 places and sends 50 sign-ups at the same moment
 * through the gateway (PostgREST RPC, as the site does), each from its own client address; it checks that exactly
 * 20 are confirmed and 30 wait, and prints latencies. Exits non-zero when a round does not add up.
 *   ROUNDS (default 5), PEOPLE (50), PLACES (20)
 */
import pg from 'pg';

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: load the stack's .env (set -a; . .stack/.env; set +a)`);
  return value;
};
const url = env('PUBLIC_SUPABASE_URL');
const anonKey = env('PUBLIC_SUPABASE_ANON_KEY');
const rounds = Number(process.env.ROUNDS ?? 5);
const people = Number(process.env.PEOPLE ?? 50);
const places = Number(process.env.PLACES ?? 20);
const db = new pg.Pool({ connectionString: env('DATABASE_URL'), max: 2 });

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

async function signUp(eventId: string, i: number, subnet: number): Promise<{ ms: number; status: string }> {
  const start = performance.now();
  const response = await fetch(`${url}/rest/v1/rpc/signup_for_event`, {
    method: 'POST',
    headers: {
      apikey: anonKey,
      'content-type': 'application/json',
      // Benchmarking addresses (RFC 2544), one per person, so the per-address limit is not what is measured.
      'x-forwarded-for': `198.18.${subnet}.${i + 1}`,
    },
    body: JSON.stringify({
      p_event_id: eventId,
      p_name: `Bench ${i + 1}`,
      p_contact: `bench${i + 1}@bench.test`,
      p_party_size: 1,
    }),
  });
  const body = (await response.json()) as { status?: string; message?: string }[] | { message?: string };
  const ms = performance.now() - start;
  if (!response.ok || !Array.isArray(body)) throw new Error(`sign-up failed: ${JSON.stringify(body)}`);
  return { ms, status: body[0]?.status ?? 'none' };
}

let failed = false;
const all: number[] = [];
console.log(`Clean-day sign-ups: ${rounds} rounds of ${people} simultaneous sign-ups for ${places} places`);
for (let round = 1; round <= rounds; round += 1) {
  const { rows } = await db.query<{ id: string }>(
    `insert into public.events (title_zh, title_en, description_zh, description_en, starts_at, ends_at, place_zh,
       place_en, location, district_code, capacity, organiser_zh, organiser_en, status)
     values ('压测', 'Bench', '压测', 'Bench', now() + interval '3 days', now() + interval '3 days 2 hours', '测试',
       'Test', 'SRID=4326;POINT(114.11 22.59)', 'dongcheng', $1, '测试', 'Test', 'published')
     returning id`,
    [places],
  );
  const eventId = rows[0]!.id;
  try {
    const start = performance.now();
    // A random /24 per round, so reruns within the hour do not meet the per-address limit either.
    const subnet = Math.floor(Math.random() * 256);
    const results = await Promise.all(Array.from({ length: people }, (_, i) => signUp(eventId, i, subnet)));
    const wall = performance.now() - start;
    const { rows: counts } = await db.query<{ confirmed: number; waitlisted: number }>(
      `select count(*) filter (where status = 'confirmed')::int as confirmed,
              count(*) filter (where status = 'waitlisted')::int as waitlisted
         from public.event_signups where event_id = $1`,
      [eventId],
    );
    const latencies = results.map((r) => r.ms).sort((a, b) => a - b);
    all.push(...latencies);
    const ok = counts[0]?.confirmed === places && counts[0]?.waitlisted === people - places;
    failed ||= !ok;
    console.log(
      `round ${round}: ${counts[0]?.confirmed} confirmed, ${counts[0]?.waitlisted} waiting ${ok ? 'OK' : 'WRONG'}; ` +
        `wall ${wall.toFixed(0)} ms, ${((people / wall) * 1000).toFixed(0)} sign-ups/s; median ` +
        `${percentile(latencies, 50).toFixed(0)} ms, p95 ${percentile(latencies, 95).toFixed(0)} ms, max ` +
        `${latencies.at(-1)?.toFixed(0)} ms`,
    );
  } finally {
    await db.query('delete from public.events where id = $1', [eventId]);
  }
}
all.sort((a, b) => a - b);
console.log(
  `all ${all.length} sign-ups: median ${percentile(all, 50).toFixed(0)} ms, p95 ${percentile(all, 95).toFixed(0)} ms, ` +
    `max ${all.at(-1)?.toFixed(0)} ms`,
);
await db.end();
process.exit(failed ? 1 : 0);
