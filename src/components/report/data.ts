/**
 * Build-time only (Astro frontmatter): the categories and districts the form offers, read from the database
 * through the one Supabase client when the page is built, so the form shows them at once without loading
 * supabase-js first. Names, hints and icons change only with a migration (and so a rebuild); a category made
 * inactive since the build is refused by submit_report and the form says so next to the field.
 */
import type { Locale } from '../../i18n/index.ts';
import { getPublicSupabase } from '../../lib/supabase/public-client.ts';

export interface FormCategory {
  code: string;
  name: string;
  hint: string;
  icon: string;
}

export interface FormDistrict {
  code: string;
  name: string;
  lng: number;
  lat: number;
}

interface Rows {
  categories: {
    code: string;
    name_zh: string;
    name_en: string;
    hint_zh: string;
    hint_en: string;
    icon: string;
  }[];
  districts: { code: string; name_zh: string; name_en: string; lng: number; lat: number }[];
}

let rows: Promise<Rows> | undefined;

async function read(): Promise<Rows> {
  const client = getPublicSupabase();
  const [categories, districts] = await Promise.all([
    client
      .from('categories')
      .select('code, name_zh, name_en, hint_zh, hint_en, icon')
      .eq('active', true)
      .order('sort_order')
      .order('code'),
    client.rpc('district_centres'),
  ]);
  const error = categories.error ?? districts.error;
  if (error) throw new Error(`The report form could not read its categories and districts: ${error.message}`);
  if (!categories.data?.length || !districts.data?.length) {
    throw new Error('The report form found no categories or no districts in the database.');
  }
  return { categories: categories.data, districts: districts.data };
}

/** Read once per build (both locales share it); a database that cannot be reached fails the build. */
function load(): Promise<Rows> {
  rows ??= read();
  return rows;
}

export async function formData(
  locale: Locale,
): Promise<{ categories: FormCategory[]; districts: FormDistrict[] }> {
  const { categories, districts } = await load();
  const zh = locale === 'zh-cn';
  return {
    categories: categories.map((c) => ({
      code: c.code,
      name: zh ? c.name_zh : c.name_en,
      hint: zh ? c.hint_zh : c.hint_en,
      icon: c.icon,
    })),
    districts: districts.map((d) => ({
      code: d.code,
      name: zh ? d.name_zh : d.name_en,
      lng: d.lng,
      lat: d.lat,
    })),
  };
}
