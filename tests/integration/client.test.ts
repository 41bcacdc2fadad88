/**
 * The site's Supabase clients against the running stack: the full client (src/lib/supabase/client.ts) and the
 * light anon client of public pages (src/lib/supabase/public-client.ts).
 */
import { describe, expect, it } from 'vitest';
import { getSupabase, supabaseSettings } from '../../src/lib/supabase/client.ts';
import { getPublicSupabase } from '../../src/lib/supabase/public-client.ts';
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

  it('gives public pages the same Data API and Storage as the anon key, with the same policies', async () => {
    const client = getPublicSupabase();
    expect(getPublicSupabase()).toBe(client);
    const categories = await client.from('categories').select('code').eq('code', 'garbage_pile');
    expect(categories.error).toBeNull();
    expect(categories.data).toEqual([{ code: 'garbage_pile' }]);
    const found = await client.rpc('report_by_code', { p_code: 'QS-0000-0000' });
    expect(found.error).toBeNull();
    expect(found.data).toBeNull();
    // As a visitor it must not read private columns or upload outside pending/.
    const contact = await client.from('reports').select('contact_phone').limit(1);
    expect(contact.error?.code).toBe('42501');
    const upload = await client.storage
      .from('report-photos')
      .upload(
        `after/${crypto.randomUUID()}/x.jpg`,
        new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xd9])], { type: 'image/jpeg' }),
      );
    expect(upload.error).not.toBeNull();
  });
});
