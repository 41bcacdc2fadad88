/**
 * Open data: /data/waste-items.json, every item of the waste guide. The fields are stable and documented on the
 * guide page: name_zh, name_en, aliases (array), category (recyclable | hazardous | kitchen | other),
 * tip_zh and tip_en (null when the item has no tip).
 */
import type { APIRoute } from 'astro';
import { wasteItems } from '../../data/waste-items/index.ts';

export const GET: APIRoute = () => {
  const items = wasteItems.map((item) => ({
    name_zh: item.name_zh,
    name_en: item.name_en,
    aliases: item.aliases,
    category: item.category,
    tip_zh: item.tip_zh ?? null,
    tip_en: item.tip_en ?? null,
  }));
  return new Response(JSON.stringify(items, null, 1), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
