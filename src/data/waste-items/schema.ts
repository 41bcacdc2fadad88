/**
 * The zod schema of the waste-item list. The build parses the whole list with it (src/data/waste-items/index.ts),
 * so a missing name, an unknown category, a half-written tip or a duplicate name fails the build.
 */
import { z } from 'astro/zod';
import { WASTE_CATEGORIES } from '../../lib/waste/categories.ts';

/** Fewest items the guide promises (issue 6). */
export const MIN_ITEM_COUNT = 600;

const nameZh = z
  .string()
  .trim()
  .min(1)
  .max(20)
  .regex(/\p{Script=Han}/u, 'name_zh must contain Chinese characters');
const nameEn = z
  .string()
  .trim()
  .min(2)
  .max(60)
  .regex(/^[A-Za-z0-9][A-Za-z0-9 ,.'()/&+-]*$/, 'name_en must be plain English text');
const tip = z.string().trim().min(4).max(120);

export const wasteItemSchema = z
  .strictObject({
    name_zh: nameZh,
    name_en: nameEn,
    aliases: z.array(z.string().trim().min(1).max(40)),
    category: z.enum(WASTE_CATEGORIES),
    tip_zh: tip.optional(),
    tip_en: tip.optional(),
  })
  .refine((item) => (item.tip_zh === undefined) === (item.tip_en === undefined), {
    message: 'a tip needs both tip_zh and tip_en',
  });

export type WasteItem = z.infer<typeof wasteItemSchema>;

/** Lowercased, space-collapsed form used to compare names and aliases for duplicates. */
function key(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}

/**
 * The whole list: at least MIN_ITEM_COUNT items, and every name or alias (Chinese or English) names one item only,
 * so a search for it can never give two different bins.
 */
export const wasteItemListSchema = z
  .array(wasteItemSchema)
  .min(MIN_ITEM_COUNT)
  .superRefine((items, ctx) => {
    const owner = new Map<string, number>();
    items.forEach((item, index) => {
      const names = [item.name_zh, item.name_en, ...item.aliases].map(key);
      new Set(names).forEach((name) => {
        const previous = owner.get(name);
        if (previous !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [index],
            message: `"${name}" names both "${items[previous]?.name_zh}" and "${item.name_zh}"`,
          });
        } else {
          owner.set(name, index);
        }
      });
    });
  });
