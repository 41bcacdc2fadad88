/**
 * Builds JPEG byte streams with an EXIF block for tests: the APP1 segment is written field by field from the
 * EXIF 2.32 layout (TIFF header, IFD0 with an optional Orientation and the GPS IFD pointer, then the GPS IFD),
 * so the parser is tested against bytes it did not produce itself.
 */
export interface ExifOptions {
  lat: number;
  lng: number;
  /** 'II' little-endian (most phones), 'MM' big-endian (many cameras). */
  order?: 'II' | 'MM';
  orientation?: number;
  /** Leave out GPSLatitudeRef/GPSLongitudeRef. */
  noRefs?: boolean;
  /** Rational type code: 5 RATIONAL (standard) or 10 SRATIONAL. */
  rationalType?: number;
  /** Force a zero denominator in the seconds of latitude. */
  zeroDenominator?: boolean;
}

function dms(deg: number): [number, number][] {
  const a = Math.abs(deg);
  const d = Math.floor(a);
  const m = Math.floor((a - d) * 60);
  const s = Math.round((a - d - m / 60) * 3600 * 10000);
  return [
    [d, 1],
    [m, 1],
    [s, 10000],
  ];
}

/** The TIFF structure of an EXIF block with GPS (and Orientation when asked). */
export function exifTiff(o: ExifOptions): Uint8Array {
  const le = (o.order ?? 'II') === 'II';
  const buf = new ArrayBuffer(512);
  const v = new DataView(buf);
  const u8 = new Uint8Array(buf);
  const u16 = (at: number, x: number) => v.setUint16(at, x, le);
  const u32 = (at: number, x: number) => v.setUint32(at, x, le);
  u8.set(le ? [0x49, 0x49] : [0x4d, 0x4d], 0);
  u16(2, 42);
  u32(4, 8);
  // IFD0 at 8: [Orientation], GPSInfo pointer.
  const ifd0: [number, number, number, number][] = [];
  if (o.orientation) ifd0.push([0x0112, 3, 1, o.orientation]);
  const gpsIfd = 8 + 2 + (ifd0.length + 1) * 12 + 4;
  ifd0.push([0x8825, 4, 1, gpsIfd]);
  const writeIfd = (at: number, entries: [number, number, number, number][], shortInline: boolean[]) => {
    u16(at, entries.length);
    entries.forEach(([tag, type, count, value], i) => {
      const e = at + 2 + i * 12;
      u16(e, tag);
      u16(e + 2, type);
      u32(e + 4, count);
      if (shortInline[i]) u16(e + 8, value);
      else u32(e + 8, value);
    });
    u32(at + 2 + entries.length * 12, 0); // no next IFD
  };
  writeIfd(
    8,
    ifd0,
    ifd0.map(([tag]) => tag === 0x0112),
  );
  // GPS IFD: version, refs (ASCII, inline), latitude/longitude (3 rationals each, stored after the IFD).
  const rt = o.rationalType ?? 5;
  const gps: [number, number, number, number][] = [[0x0000, 1, 4, 0]];
  if (!o.noRefs) gps.push([0x0001, 2, 2, 0]);
  gps.push([0x0002, rt, 3, 0]);
  if (!o.noRefs) gps.push([0x0003, 2, 2, 0]);
  gps.push([0x0004, rt, 3, 0]);
  const data = gpsIfd + 2 + gps.length * 12 + 4;
  const latAt = data;
  const lngAt = data + 24;
  for (const g of gps) {
    if (g[0] === 0x0002) g[3] = latAt;
    if (g[0] === 0x0004) g[3] = lngAt;
  }
  writeIfd(
    gpsIfd,
    gps,
    gps.map(() => false),
  );
  // Inline values written as bytes: GPSVersionID 2.3.0.0 and the 'N'/'S', 'E'/'W' references.
  gps.forEach(([tag], i) => {
    const at = gpsIfd + 2 + i * 12 + 8;
    if (tag === 0x0000) u8.set([2, 3, 0, 0], at);
    if (tag === 0x0001) u8.set([(o.lat < 0 ? 'S' : 'N').charCodeAt(0), 0, 0, 0], at);
    if (tag === 0x0003) u8.set([(o.lng < 0 ? 'W' : 'E').charCodeAt(0), 0, 0, 0], at);
  });
  const writeDms = (at: number, deg: number) =>
    dms(deg).forEach(([num, den], i) => {
      u32(at + i * 8, num);
      u32(at + i * 8 + 4, den);
    });
  writeDms(latAt, o.lat);
  writeDms(lngAt, o.lng);
  if (o.zeroDenominator) u32(latAt + 20, 0);
  return u8.slice(0, lngAt + 24);
}

/** A segment: FF marker, 16-bit big-endian length (counting itself), payload. */
export function segment(marker: number, payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + payload.length);
  out.set([0xff, marker, (payload.length + 2) >> 8, (payload.length + 2) & 0xff]);
  out.set(payload, 4);
  return out;
}

export const bytes = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

/** The APP1 EXIF segment for a GPS position. */
export function exifSegment(o: ExifOptions): Uint8Array {
  return segment(0xe1, concat(bytes('Exif\0\0'), exifTiff(o)));
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Inserts segments right after a JPEG's SOI marker (FF D8). */
export function withSegments(jpeg: Uint8Array, ...segments: Uint8Array[]): Uint8Array {
  return concat(jpeg.subarray(0, 2), ...segments, jpeg.subarray(2));
}

export const APP0_JFIF = segment(0xe0, bytes('JFIF\0\x01\x01\0\0\x01\0\x01\0\0'));
export const XMP_APP1 = segment(0xe1, bytes('http://ns.adobe.com/xap/1.0/\0<x:xmpmeta/>'));
export const COMMENT = segment(0xfe, bytes('taken by a test'));

/**
 * A JPEG-shaped stream (not decodable: the scan is a stub), enough for the marker-level code:
 * SOI, the given segments, a quantisation table, SOS with a few bytes of "scan", EOI.
 */
export function fakeJpeg(...segments: Uint8Array[]): Uint8Array {
  return concat(
    new Uint8Array([0xff, 0xd8]),
    ...segments,
    segment(0xdb, new Uint8Array(65)),
    segment(0xda, new Uint8Array([1, 1, 0, 0, 0x3f, 0])),
    new Uint8Array([0x12, 0x34, 0xff, 0x00, 0x56]),
    new Uint8Array([0xff, 0xd9]),
  );
}

/** Inserts segments after a JPEG's APP0 (JFIF) segment when it has one, else right after SOI. */
export function jpegAfterApp0(jpeg: Uint8Array, ...segments: Uint8Array[]): Uint8Array {
  const app0 = jpeg[2] === 0xff && jpeg[3] === 0xe0 ? 4 + ((jpeg[4]! << 8) | jpeg[5]!) : 2;
  return concat(jpeg.subarray(0, app0), ...segments, jpeg.subarray(app0));
}
