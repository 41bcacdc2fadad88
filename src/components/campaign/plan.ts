/** Reads the campaign plan (src/content/campaign/<locale>.yaml) for a locale. */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { Locale } from '../../i18n/index.ts';

export type CampaignPlan = CollectionEntry<'campaign'>['data'];
export type PlanSection = CampaignPlan['sections'][number];

export async function getPlan(locale: Locale): Promise<CampaignPlan> {
  const [entry] = await getCollection('campaign', (e) => e.data.locale === locale);
  if (!entry) throw new Error(`No campaign plan for locale ${locale} in src/content/campaign/`);
  return entry.data;
}
