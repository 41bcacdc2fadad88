/**
 * The full supabase-js client (Auth sessions, Realtime), typed with the generated schema types: for the staff
 * console and Realtime. Public pages use `getPublicSupabase()` from ./public-client.ts, which has the same
 * `rpc`/`from`/`storage` API without Auth and Realtime (a fraction of the size).
 *
 * It is created on first use, so a page that imports this module but never talks to Supabase does no work for
 * it. The URL and anon key come from PUBLIC_SUPABASE_URL and PUBLIC_SUPABASE_ANON_KEY (locally written to
 * .stack/.env by `npm run stack:start`; in production the project's URL and anon key).
 *
 * @example
 * const { data, error } = await getSupabase().auth.getSession();
 */
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import type { Database } from './database.types.ts';
import { supabaseSettings } from './settings.ts';

export { supabaseSettings };

export type Supabase = SupabaseClient<Database>;

let client: Supabase | undefined;

/** The shared client, created on the first call. */
export function getSupabase(): Supabase {
  if (!client) {
    const { url, anonKey } = supabaseSettings();
    client = createClient<Database>(url, anonKey);
  }
  return client;
}
