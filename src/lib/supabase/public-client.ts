/**
 * The Supabase client for public pages: the Data API (PostgREST) and Storage parts of supabase-js as the anon
 * key. Visitors never sign in, so public pages skip Auth and Realtime and load a fraction of supabase-js.
 *
 * @example
 * const { data, error } = await getPublicSupabase().rpc('report_by_code', { p_code: code });
 */
import { PostgrestClient } from '@supabase/postgrest-js';
import { StorageClient } from '@supabase/storage-js';
import type { Supabase } from './client.ts';
import type { Database } from './database.types.ts';
import { supabaseSettings } from './settings.ts';

/** The same `rpc`, `from` and `storage` API as the full client. */
export type PublicSupabase = Pick<Supabase, 'rpc' | 'from' | 'storage'>;

let publicClient: PublicSupabase | undefined;

/**
 * The anon-key client for public pages, created on the first call. supabase-js builds its `rpc`/`from` on
 * PostgrestClient and its `storage` on StorageClient with these same URLs and headers; a visitor has no session,
 * so the anon key is the bearer, as supabase-js sends it.
 */
export function getPublicSupabase(): PublicSupabase {
  if (!publicClient) {
    const { url, anonKey } = supabaseSettings();
    const base = url.endsWith('/') ? url : `${url}/`;
    const headers = { apikey: anonKey, Authorization: `Bearer ${anonKey}` };
    const rest = new PostgrestClient<Database>(new URL('rest/v1', base).href, { headers });
    // The generic parameters of PostgrestClient and SupabaseClient spell the same schema differently; the
    // methods are the very ones SupabaseClient delegates to.
    publicClient = {
      rpc: rest.rpc.bind(rest),
      from: rest.from.bind(rest),
      storage: new StorageClient(new URL('storage/v1', base).href, headers),
    } as unknown as PublicSupabase;
  }
  return publicClient;
}
