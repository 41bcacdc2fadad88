/**
 * The four household waste categories of the national standard GB/T 19095-2019, in the order the standard
 * lists them. The ids are stable: they appear in URLs (/guide/recyclable/) and in the open data.
 */
export const WASTE_CATEGORIES = ['recyclable', 'hazardous', 'kitchen', 'other'] as const;
export type WasteCategory = (typeof WASTE_CATEGORIES)[number];

export function isWasteCategory(value: unknown): value is WasteCategory {
  return typeof value === 'string' && (WASTE_CATEGORIES as readonly string[]).includes(value);
}
