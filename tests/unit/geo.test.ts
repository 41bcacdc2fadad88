import { describe, expect, it } from 'vitest';
import {
  attributionHtml,
  distanceMeters,
  fromMapDatum,
  gcj02ToWgs84,
  isOutOfChina,
  isValidLngLat,
  parseTileLayerEnv,
  toMapDatum,
  wgs84ToGcj02,
  type LngLat,
} from '../../src/lib/geo/index.ts';
import { tileLayer } from '../../src/lib/geo/config.ts';

// Published pairs: googollee/eviltransform's test suite (Shanghai, Shenzhen, Beijing) and wandergis/coordtransform's
// README (116.404, 39.915); Tiananmen computed with the reference algorithm and shown to agree with them.
const pairs: { name: string; wgs: LngLat; gcj: LngLat }[] = [
  {
    name: 'Tiananmen',
    wgs: { lng: 116.391305, lat: 39.907325 },
    gcj: { lng: 116.39754616190365, lat: 39.908726270936796 },
  },
  {
    name: 'Shanghai',
    wgs: { lng: 121.5272106, lat: 31.1774276 },
    gcj: { lng: 121.531541859215, lat: 31.17530398364597 },
  },
  {
    name: 'Shenzhen',
    wgs: { lng: 113.912316, lat: 22.543847 },
    gcj: { lng: 113.9171764808363, lat: 22.540796131694766 },
  },
  {
    name: 'Beijing',
    wgs: { lng: 116.377817, lat: 39.911954 },
    gcj: { lng: 116.38404722455657, lat: 39.91334545536069 },
  },
  {
    name: 'Beijing (coordtransform)',
    wgs: { lng: 116.404, lat: 39.915 },
    gcj: { lng: 116.41024449916938, lat: 39.91640428150164 },
  },
];

describe('WGS-84 to GCJ-02', () => {
  for (const { name, wgs, gcj } of pairs) {
    it(`shifts ${name} to its published GCJ-02 point`, () => {
      const got = wgs84ToGcj02(wgs);
      expect(got.lng).toBeCloseTo(gcj.lng, 9);
      expect(got.lat).toBeCloseTo(gcj.lat, 9);
    });
  }

  it('moves a point in China by a few hundred metres, as GCJ-02 does', () => {
    const d = distanceMeters(pairs[0]!.wgs, wgs84ToGcj02(pairs[0]!.wgs));
    expect(d).toBeGreaterThan(100);
    expect(d).toBeLessThan(1000);
  });
});

describe('GCJ-02 to WGS-84', () => {
  for (const { name, wgs, gcj } of pairs) {
    it(`recovers ${name} within 1e-6°`, () => {
      const got = gcj02ToWgs84(gcj);
      expect(Math.abs(got.lng - wgs.lng)).toBeLessThan(1e-6);
      expect(Math.abs(got.lat - wgs.lat)).toBeLessThan(1e-6);
    });
  }

  it('round-trips every point of a 1° grid over China within 1e-6° (in fact 1e-9°)', () => {
    let worst = 0;
    for (let lng = 73; lng <= 135; lng += 1) {
      for (let lat = 4; lat <= 53; lat += 1) {
        const p = { lng: lng + 0.123456, lat: lat + 0.654321 };
        const back = gcj02ToWgs84(wgs84ToGcj02(p));
        worst = Math.max(worst, Math.abs(back.lng - p.lng), Math.abs(back.lat - p.lat));
      }
    }
    expect(worst).toBeLessThan(1e-9);
  });
});

describe('outside China', () => {
  const outside: [string, LngLat][] = [
    ['London', { lng: -0.1276, lat: 51.5072 }],
    ['Tokyo', { lng: 139.6917, lat: 35.6895 }],
    ['Sydney', { lng: 151.2093, lat: -33.8688 }],
    ['Moscow', { lng: 37.6173, lat: 55.7558 }],
    ['north of the box', { lng: 116, lat: 56 }],
  ];
  for (const [name, p] of outside) {
    it(`leaves ${name} unchanged both ways`, () => {
      expect(isOutOfChina(p)).toBe(true);
      expect(wgs84ToGcj02(p)).toEqual(p);
      expect(gcj02ToWgs84(p)).toEqual(p);
    });
  }

  it('treats the edges of the reference box as inside', () => {
    expect(isOutOfChina({ lng: 72.004, lat: 30 })).toBe(false);
    expect(isOutOfChina({ lng: 72.0039, lat: 30 })).toBe(true);
    expect(isOutOfChina({ lng: 137.8347, lat: 30 })).toBe(false);
    expect(isOutOfChina({ lng: 137.8348, lat: 30 })).toBe(true);
    expect(isOutOfChina({ lng: 110, lat: 0.8293 })).toBe(false);
    expect(isOutOfChina({ lng: 110, lat: 0.8292 })).toBe(true);
    expect(isOutOfChina({ lng: 110, lat: 55.8271 })).toBe(false);
    expect(isOutOfChina({ lng: 110, lat: 55.8272 })).toBe(true);
  });

  it('does not mutate or alias the input point', () => {
    const p = { lng: 0, lat: 0 };
    expect(wgs84ToGcj02(p)).not.toBe(p);
    expect(gcj02ToWgs84(p)).not.toBe(p);
  });
});

describe('distanceMeters', () => {
  it('is zero for the same point', () => {
    expect(distanceMeters(pairs[0]!.wgs, pairs[0]!.wgs)).toBe(0);
  });

  it('gives 111.195 km for one degree of latitude and of longitude on the equator', () => {
    expect(distanceMeters({ lng: 0, lat: 0 }, { lng: 0, lat: 1 })).toBeCloseTo(111195.08, 1);
    expect(distanceMeters({ lng: 0, lat: 0 }, { lng: 1, lat: 0 })).toBeCloseTo(111195.08, 1);
  });

  it('shrinks longitude degrees with the cosine of latitude', () => {
    const d = distanceMeters({ lng: 116, lat: 60 }, { lng: 116.001, lat: 60 });
    expect(d).toBeCloseTo(111.195 / 2, 1);
  });

  it('is symmetric and about 1,067 km from Tiananmen to the Bund', () => {
    const a = { lng: 116.391305, lat: 39.907325 };
    const b = { lng: 121.490317, lat: 31.240018 };
    expect(distanceMeters(a, b)).toBeCloseTo(distanceMeters(b, a), 6);
    expect(distanceMeters(a, b) / 1000).toBeGreaterThan(1060);
    expect(distanceMeters(a, b) / 1000).toBeLessThan(1075);
  });

  it('gives half the circumference for antipodes without NaN', () => {
    expect(distanceMeters({ lng: 0, lat: 0 }, { lng: 180, lat: 0 })).toBeCloseTo(Math.PI * 6371008.8, 0);
  });

  it('tells 250 m apart from 260 m for the nearby-reports radius', () => {
    // 0.00225° of latitude ≈ 250.2 m
    expect(distanceMeters({ lng: 116.4, lat: 39.9 }, { lng: 116.4, lat: 39.90225 })).toBeCloseTo(250.19, 1);
  });
});

describe('isValidLngLat', () => {
  it('accepts both range boundaries', () => {
    expect(isValidLngLat({ lng: 180, lat: 90 })).toBe(true);
    expect(isValidLngLat({ lng: -180, lat: -90 })).toBe(true);
  });
  it('refuses values just outside, NaN and Infinity', () => {
    expect(isValidLngLat({ lng: 180.000001, lat: 0 })).toBe(false);
    expect(isValidLngLat({ lng: 0, lat: -90.000001 })).toBe(false);
    expect(isValidLngLat({ lng: Number.NaN, lat: 0 })).toBe(false);
    expect(isValidLngLat({ lng: 0, lat: Number.POSITIVE_INFINITY })).toBe(false);
  });
});

const amap = {
  PUBLIC_MAP_TILE_URL:
    'https://webrd0{s}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}',
  PUBLIC_MAP_TILE_SUBDOMAINS: '1234',
  PUBLIC_MAP_ATTRIBUTION: '© 高德地图',
  PUBLIC_MAP_APPROVAL_NUMBER: 'GS(2024)0650号',
  PUBLIC_MAP_DATUM: 'gcj02',
  PUBLIC_MAP_MAX_ZOOM: '18',
};

describe('tile layer configuration', () => {
  it('has no remote tiles when nothing is configured', () => {
    expect(parseTileLayerEnv({})).toEqual({
      url: null,
      subdomains: 'abc',
      attribution: '',
      maxZoom: 18,
      approvalNumber: null,
      datum: 'wgs84',
    });
  });

  it('is unconfigured in the test run, so tests never fetch tiles', () => {
    expect(tileLayer.url).toBeNull();
  });

  it('treats blank variables as unset', () => {
    expect(parseTileLayerEnv({ PUBLIC_MAP_TILE_URL: '  ', PUBLIC_MAP_DATUM: '' }).url).toBeNull();
  });

  it('reads a GCJ-02 provider with its approval number', () => {
    expect(parseTileLayerEnv(amap)).toEqual({
      url: amap.PUBLIC_MAP_TILE_URL,
      subdomains: '1234',
      attribution: '© 高德地图',
      maxZoom: 18,
      approvalNumber: 'GS(2024)0650号',
      datum: 'gcj02',
    });
  });

  it('accepts a same-site WGS-84 tile path without an approval number', () => {
    const c = parseTileLayerEnv({
      PUBLIC_MAP_TILE_URL: '/tiles/{z}/{x}/{y}.png',
      PUBLIC_MAP_ATTRIBUTION: 'Local',
    });
    expect(c.url).toBe('/tiles/{z}/{x}/{y}.png');
    expect(c.datum).toBe('wgs84');
  });

  it('refuses GCJ-02 tiles without an approval number', () => {
    const { PUBLIC_MAP_APPROVAL_NUMBER: _, ...env } = amap;
    expect(() => parseTileLayerEnv(env)).toThrow(/审图号/);
  });

  it('refuses a mainland provider host without an approval number even when declared WGS-84', () => {
    expect(() =>
      parseTileLayerEnv({
        PUBLIC_MAP_TILE_URL: 'https://t{s}.tianditu.gov.cn/vec_w/wmts?x={x}&y={y}&l={z}&tk=KEY',
        PUBLIC_MAP_ATTRIBUTION: '天地图',
      }),
    ).toThrow(/APPROVAL_NUMBER/);
  });

  it('refuses an unknown datum, a bad max zoom, a template without {z}/{x}/{y}, http and no attribution', () => {
    expect(() => parseTileLayerEnv({ PUBLIC_MAP_DATUM: 'bd09' })).toThrow(/DATUM/);
    expect(() => parseTileLayerEnv({ PUBLIC_MAP_MAX_ZOOM: '23' })).toThrow(/MAX_ZOOM/);
    expect(() => parseTileLayerEnv({ PUBLIC_MAP_MAX_ZOOM: '0' })).toThrow(/MAX_ZOOM/);
    expect(() => parseTileLayerEnv({ PUBLIC_MAP_MAX_ZOOM: '12.5' })).toThrow(/MAX_ZOOM/);
    expect(parseTileLayerEnv({ PUBLIC_MAP_MAX_ZOOM: '1' }).maxZoom).toBe(1);
    expect(parseTileLayerEnv({ PUBLIC_MAP_MAX_ZOOM: '22' }).maxZoom).toBe(22);
    expect(() =>
      parseTileLayerEnv({ PUBLIC_MAP_TILE_URL: 'https://x.test/{z}/{x}.png', PUBLIC_MAP_ATTRIBUTION: 'x' }),
    ).toThrow(/\{y\}/);
    expect(() =>
      parseTileLayerEnv({
        PUBLIC_MAP_TILE_URL: 'http://x.test/{z}/{x}/{y}.png',
        PUBLIC_MAP_ATTRIBUTION: 'x',
      }),
    ).toThrow(/https/);
    expect(() => parseTileLayerEnv({ PUBLIC_MAP_TILE_URL: 'https://x.test/{z}/{x}/{y}.png' })).toThrow(
      /ATTRIBUTION/,
    );
  });

  it('escapes the attribution for Leaflet and appends the approval number', () => {
    expect(attributionHtml(parseTileLayerEnv(amap))).toBe('© 高德地图 | GS(2024)0650号');
    const c = { ...parseTileLayerEnv({}), attribution: '<b>"A&B"</b>' };
    expect(attributionHtml(c)).toBe('&#60;b&#62;&#34;A&#38;B&#34;&#60;/b&#62;');
  });

  it('shifts points for a GCJ-02 basemap and back, and leaves them alone for WGS-84', () => {
    const gcj = parseTileLayerEnv(amap);
    const wgs = parseTileLayerEnv({});
    const p = pairs[0]!.wgs;
    expect(toMapDatum(gcj, p).lng).toBeCloseTo(pairs[0]!.gcj.lng, 9);
    const back = fromMapDatum(gcj, toMapDatum(gcj, p));
    expect(Math.abs(back.lng - p.lng) + Math.abs(back.lat - p.lat)).toBeLessThan(1e-9);
    expect(toMapDatum(wgs, p)).toEqual(p);
    expect(fromMapDatum(wgs, p)).toEqual(p);
  });
});
