/**
 * Category icons as SVG path data (24×24, drawn with a 2-unit stroke), shared by the Astro pages and the search
 * island. Our own simple drawings, not the standard's artwork: chasing arrows, a warning triangle, a leaf, a bin.
 */
import type { WasteCategory } from '../../lib/waste/categories.ts';

export const categoryIconPaths: Record<WasteCategory, string[]> = {
  recyclable: ['M20 11a8 8 0 0 0-14.3-4.5', 'M4 13a8 8 0 0 0 14.3 4.5', 'M5 3v4h4', 'M19 21v-4h-4'],
  hazardous: ['M12 3 22 20H2Z', 'M12 9v5', 'M12 17h.01'],
  kitchen: ['M5 20c0-9 5-15 15-16 0 10-6 15-15 16Z', 'M5 20 14 11'],
  other: ['M4 7h16', 'M9 7V4h6v3', 'M6 7l1 13h10l1-13', 'M10 11v6', 'M14 11v6'],
};
