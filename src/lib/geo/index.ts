export type { LngLat } from './types.ts';
export { isOutOfChina, wgs84ToGcj02, gcj02ToWgs84 } from './gcj02.ts';
export { distanceMeters, isValidLngLat } from './distance.ts';
export {
  parseTileLayerEnv,
  attributionHtml,
  toMapDatum,
  fromMapDatum,
  type MapDatum,
  type MapEnv,
  type TileLayerConfig,
} from './tiles.ts';
