/**
 * Every household waste item of the guide, validated at import time: the build fails on any invalid item or
 * duplicate name, so no bad data reaches the pages, the search index or the open data.
 */
import type { WasteCategory } from '../../lib/waste/categories.ts';
import type { RawWasteItem } from './item.ts';
import { wasteItemListSchema, type WasteItem } from './schema.ts';
import { recyclable } from './recyclable.ts';
import { hazardous } from './hazardous.ts';
import { kitchen } from './kitchen.ts';
import { other } from './other.ts';

export type { WasteItem } from './schema.ts';

const byCategory: Record<WasteCategory, RawWasteItem[]> = { recyclable, hazardous, kitchen, other };

/** All items, in category order (recyclable, hazardous, kitchen, other), most-asked first within each. */
export const wasteItems: readonly WasteItem[] = wasteItemListSchema.parse(
  Object.entries(byCategory).flatMap(([category, items]) => items.map((raw) => ({ ...raw, category }))),
);

/** The items of one category, in list order. */
export function itemsInCategory(category: WasteCategory): WasteItem[] {
  return wasteItems.filter((entry) => entry.category === category);
}
