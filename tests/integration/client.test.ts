/**
 * The site's one Supabase client module (src/lib/supabase/client.ts) against the running stack.
 */
import { describe, expect, it } from 'vitest';
import { getSupabase, supabaseSettings } from '../../src/lib/supabase/client.ts';
import { stack } from './support/stack.ts';

describe('the site’s Supabase client', () => {
  it('is created once, from PUBLIC_SUPABASE_URL and PUBLIC_SUPABASE_ANON_KEY, and reaches the API', async () => {
    expect(supabaseSettings()).toEqual({ url: stack.url, anonKey: stack.anonKey });
    const client = getSupabase();
    expect(getSupabase()).toBe(client);
    const { data, error } = await client.rpc('report_by_code', { p_code: 'QS-0000-0000' });
    expect(error).toBeNull();
    expect(data).toBeNull();
  });

  it('says which setting is missing when it is not configured', () => {
    expect(() => supabaseSettings({ PUBLIC_SUPABASE_URL: stack.url })).toThrow(
      /PUBLIC_SUPABASE_ANON_KEY is not set/,
    );
    expect(() => supabaseSettings({})).toThrow(
      /PUBLIC_SUPABASE_URL and PUBLIC_SUPABASE_ANON_KEY are not set/,
    );
  });
});
