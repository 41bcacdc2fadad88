/**
 * The one supabase-js client of the site, typed with the generated schema types.
 *
 * It is created on first use, so a page that imports this module but never talks to Supabase does no work for
 * it. The URL and anon key come from PUBLIC_SUPABASE_URL and PUBLIC_SUPABASE_ANON_KEY (locally written to
 * .stack/.env by `npm run stack:start`; in production the project's URL and anon key).
 *
 * @example
 * const { data, error } = await getSupabase().rpc('report_by_code', { p_code: code });
 */
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import type { Database } from './database.types.ts';

export type Supabase = SupabaseClient<Database>;

let client: Supabase | undefined;

/**
 * Reads the two public settings; throws a message that says how to fix a missing one. The variables are named
 * in full so the build can inline them.
 */
export function supabaseSettings(
  env: Record<string, unknown> = {
    PUBLIC_SUPABASE_URL: import.meta.env.PUBLIC_SUPABASE_URL,
    PUBLIC_SUPABASE_ANON_KEY: import.meta.env.PUBLIC_SUPABASE_ANON_KEY,
  },
): { url: string; anonKey: string } {
  const url = env.PUBLIC_SUPABASE_URL;
  const anonKey = env.PUBLIC_SUPABASE_ANON_KEY;
  const missing = [
    typeof url === 'string' && url ? null : 'PUBLIC_SUPABASE_URL',
    typeof anonKey === 'string' && anonKey ? null : 'PUBLIC_SUPABASE_ANON_KEY',
  ].filter((name): name is string => name !== null);
  if (missing.length > 0) {
    throw new Error(
      `Supabase is not configured: ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not set. ` +
        'Locally, run `npm run stack:start` and load .stack/.env; in production, set the project URL and anon key.',
    );
  }
  return { url: url as string, anonKey: anonKey as string };
}

/** The shared client, created on the first call. */
export function getSupabase(): Supabase {
  if (!client) {
    const { url, anonKey } = supabaseSettings();
    client = createClient<Database>(url, anonKey);
  }
  return client;
}
