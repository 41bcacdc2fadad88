/**
 * The two public settings every Supabase client of the site needs. Throws a message that says how to fix a
 * missing one. The variables are named in full so the build can inline them.
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
