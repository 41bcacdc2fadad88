/**
 * The site's tile layer, from the PUBLIC_MAP_* variables of the build (see tiles.ts for each variable).
 * Unset (local runs, tests): no remote tiles.
 */
import { parseTileLayerEnv, type TileLayerConfig } from './tiles.ts';

// import.meta.env is Vite's; plain Node scripts that import this module have none.
export const tileLayer: TileLayerConfig = parseTileLayerEnv(import.meta.env ?? {});
