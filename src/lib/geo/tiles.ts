/**
 * The map's tile layer is configuration, not code: which tiles, their attribution, the approval number 审图号
 * that maps published in mainland China must show, and the datum the tiles are drawn in.
 * Read from PUBLIC_MAP_* variables at build time. With none set there is no tile layer at all: the map shows a
 * plain background and the pin still works, so local runs and tests never fetch remote tiles.
 */
import { gcj02ToWgs84, wgs84ToGcj02 } from './gcj02.ts';
import type { LngLat } from './types.ts';

export type MapDatum = 'wgs84' | 'gcj02';

export interface TileLayerConfig {
  /** Leaflet URL template with {z}, {x}, {y} (and {s} when subdomains are given); null = no tiles. */
  url: string | null;
  subdomains: string;
  /** Plain text (not HTML), e.g. "© 高德地图". */
  attribution: string;
  maxZoom: number;
  /** 审图号, e.g. "GS(2024)0650号"; shown next to the attribution when set. */
  approvalNumber: string | null;
  /** The datum the tiles are drawn in; GCJ-02 tiles need every point shifted for display. */
  datum: MapDatum;
}

export type MapEnv = Partial<Record<string, string | undefined>>;

/** Tile hosts of mainland providers whose maps may only be shown with their approval number. */
const APPROVAL_HOSTS = /(^|\.)(autonavi\.com|amap\.com|tianditu\.gov\.cn|map\.qq\.com|gtimg\.com)$/;

/**
 * Builds the tile-layer config from PUBLIC_MAP_* variables; throws on a configuration that must not ship
 * (runs at build time when the island is pre-rendered, so a mistake fails the build, not the visitor).
 *
 * @example parseTileLayerEnv({ PUBLIC_MAP_TILE_URL: 'https://webrd0{s}.is.autonavi.com/appmaptile?x={x}&y={y}&z={z}&style=8',
 *   PUBLIC_MAP_TILE_SUBDOMAINS: '1234', PUBLIC_MAP_DATUM: 'gcj02', PUBLIC_MAP_ATTRIBUTION: '© 高德地图',
 *   PUBLIC_MAP_APPROVAL_NUMBER: 'GS(2024)0650号' })
 */
export function parseTileLayerEnv(env: MapEnv): TileLayerConfig {
  const get = (name: string) => env[`PUBLIC_MAP_${name}`]?.trim() || null;
  const url = get('TILE_URL');
  const datum = get('DATUM') ?? 'wgs84';
  const maxZoom = Number(get('MAX_ZOOM') ?? 18);
  const config: TileLayerConfig = {
    url,
    subdomains: get('TILE_SUBDOMAINS') ?? 'abc',
    attribution: get('ATTRIBUTION') ?? '',
    maxZoom,
    approvalNumber: get('APPROVAL_NUMBER'),
    datum: datum as MapDatum,
  };
  const fail = (why: string) => {
    throw new Error(`Map tile configuration: ${why}`);
  };
  if (datum !== 'wgs84' && datum !== 'gcj02') fail(`PUBLIC_MAP_DATUM must be wgs84 or gcj02, not "${datum}"`);
  if (!Number.isInteger(maxZoom) || maxZoom < 1 || maxZoom > 22) fail('PUBLIC_MAP_MAX_ZOOM must be 1–22');
  if (url) {
    if (!/\{z\}/.test(url) || !/\{x\}/.test(url) || !/\{y\}/.test(url)) {
      fail('PUBLIC_MAP_TILE_URL needs {z}, {x} and {y}');
    }
    if (!/^(https:\/\/|\/)/.test(url)) fail('PUBLIC_MAP_TILE_URL must be https:// or a same-site path');
    if (!config.attribution) fail('PUBLIC_MAP_ATTRIBUTION is required with a tile URL');
    let host = '';
    try {
      host = new URL(url.replace(/\{[a-z]\}/g, '0'), 'https://self.invalid').hostname;
    } catch {
      fail('PUBLIC_MAP_TILE_URL is not a URL');
    }
    if ((config.datum === 'gcj02' || APPROVAL_HOSTS.test(host)) && !config.approvalNumber) {
      fail('tiles from a mainland-China provider need PUBLIC_MAP_APPROVAL_NUMBER (审图号)');
    }
  }
  return config;
}

/** The attribution line as HTML for Leaflet (which inserts it as HTML): escaped text plus the 审图号. */
export function attributionHtml(config: TileLayerConfig): string {
  const text = [config.attribution, config.approvalNumber].filter(Boolean).join(' | ');
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A stored (WGS-84) point in the basemap's datum, for drawing the pin. */
export function toMapDatum(config: TileLayerConfig, p: LngLat): LngLat {
  return config.datum === 'gcj02' ? wgs84ToGcj02(p) : { lng: p.lng, lat: p.lat };
}

/** A point picked on the basemap, back in WGS-84 for storing. */
export function fromMapDatum(config: TileLayerConfig, p: LngLat): LngLat {
  return config.datum === 'gcj02' ? gcj02ToWgs84(p) : { lng: p.lng, lat: p.lat };
}
