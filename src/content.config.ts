/**
 * Content collections. One base schema (what every piece of content has: its language and the key that links
 * its translations) is extended per content type.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { locales } from './i18n/index.ts';
import { newsTags } from './components/news/tags.ts';

/** Fields shared by every content entry. `translationKey` is the same in the zh-CN and English versions. */
const baseSchema = z.object({
  locale: z.enum(locales),
  translationKey: z.string().regex(/^[a-z0-9-]+$/, 'lowercase letters, digits and hyphens'),
  title: z.string().min(1),
});

/** A news article (Markdown). Files live in news/<locale>/<slug>.md. */
export const newsSchema = baseSchema.extend({
  date: z.coerce.date(),
  summary: z.string().min(1).max(200),
  tags: z.array(z.enum(newsTags)).min(1),
  /** Optional illustration under public/; the alt text is required because the image carries meaning. */
  cover: z
    .object({
      src: z.string().startsWith('/'),
      alt: z.string().min(1),
      width: z.number().int().positive().default(1200),
      height: z.number().int().positive().default(630),
    })
    .optional(),
});

const headingId = z.string().regex(/^[a-z0-9-]+$/, 'anchor ids are lowercase letters, digits and hyphens');

/** One numbered item of the plan (a goal, a priority or a measure). */
const planItemSchema = z.object({
  id: headingId,
  title: z.string().min(1),
  paragraphs: z.array(z.string().min(1)).min(1),
  /** Said when the published plan's text stops inside this item. */
  note: z.string().min(1).optional(),
});

/** The 2024 campaign plan retold in our own words, one YAML file per locale (campaign/<locale>.yaml). */
export const campaignPlanSchema = baseSchema.extend({
  summary: z.string().min(1),
  /** Where the content comes from and how we wrote it. */
  sourceNote: z.string().min(1),
  sections: z
    .array(
      z.object({
        id: headingId,
        heading: z.string().min(1),
        intro: z.array(z.string().min(1)).default([]),
        items: z.array(planItemSchema).default([]),
      }),
    )
    .min(1),
});

export const collections = {
  news: defineCollection({
    loader: glob({ pattern: '*/*.md', base: './src/content/news' }),
    schema: newsSchema,
  }),
  campaign: defineCollection({
    loader: glob({ pattern: '*.yaml', base: './src/content/campaign' }),
    schema: campaignPlanSchema,
  }),
};
