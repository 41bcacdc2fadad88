/**
 * /data/waste-index.json: the compact search index the guide's search island fetches once per page
 * (format in src/lib/waste/index-format.ts). Not an open-data format: it may change with the search code.
 */
import type { APIRoute } from 'astro';
import { wasteItems } from '../../data/waste-items/index.ts';
import { buildSearchIndex } from '../../lib/waste/index-builder.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(buildSearchIndex(wasteItems)), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
