/**
 * Just enough JPEG structure to read a photo's GPS position before its metadata is thrown away, and to be sure
 * none is left afterwards. A JPEG is a run of marker segments (FF xx, 16-bit length) up to the scan (FF DA);
 * EXIF lives in an APP1 segment that starts "Exif\0\0" and holds a TIFF structure (Exif 2.32, CIPA DC-008).
 */
import type { LngLat } from '../geo/types.ts';

interface Segment {
  marker: number;
  /** Offset of the FF byte. */
  start: number;
  /** Offset just past the segment. */
  end: number;
}

/** The marker segments before the scan; stops quietly at the first thing that is not a well-formed segment. */
export function jpegSegments(b: Uint8Array): Segment[] {
  const out: Segment[] = [];
  if (b[0] !== 0xff || b[1] !== 0xd8) return out;
  let at = 2;
  while (at + 4 <= b.length && b[at] === 0xff) {
    const marker = b[at + 1]!;
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    if (marker === 0xda || marker === 0xd9) break; // start of scan / end of image
    const end = at + 2 + ((b[at + 2]! << 8) | b[at + 3]!);
    if (end > b.length) break;
    out.push({ marker, start: at, end });
    at = end;
  }
  return out;
}

const isExif = (b: Uint8Array, s: Segment) =>
  s.marker === 0xe1 && String.fromCharCode(...b.subarray(s.start + 4, s.start + 10)) === 'Exif\0\0';

/**
 * The GPS position in a JPEG's EXIF, as WGS-84 (the EXIF default datum), or null when there is none or it is
 * unreadable. Needs only the start of the file (EXIF sits in the first 64 KB). Never throws.
 * (0, 0) is treated as "no fix": cameras write it when they have none.
 */
export function readJpegGps(b: Uint8Array): LngLat | null {
  const seg = jpegSegments(b).find((s) => isExif(b, s));
  if (!seg) return null;
  try {
    const tiff = seg.start + 10;
    const v = new DataView(b.buffer, b.byteOffset + tiff, seg.end - tiff);
    const order = v.getUint16(0);
    if (order !== 0x4949 && order !== 0x4d4d) return null;
    const le = order === 0x4949;
    const u16 = (o: number) => v.getUint16(o, le);
    const u32 = (o: number) => v.getUint32(o, le);
    if (u16(2) !== 42) return null;
    // Entries of an IFD by tag: [type, count, offset of the value or of the pointer to it].
    const ifd = (o: number) => {
      const tags = new Map<number, [number, number, number]>();
      for (let i = 0, n = u16(o); i < n; i++) {
        const e = o + 2 + i * 12;
        tags.set(u16(e), [u16(e + 2), u32(e + 4), e + 8]);
      }
      return tags;
    };
    const gpsPointer = ifd(u32(4)).get(0x8825);
    if (!gpsPointer) return null;
    const gps = ifd(u32(gpsPointer[2]));
    const ref = (tag: number) => {
      const e = gps.get(tag);
      return e ? String.fromCharCode(v.getUint8(e[2])) : '';
    };
    // Degrees, minutes, seconds as three RATIONALs (type 5; some writers use SRATIONAL, type 10).
    const angle = (tag: number) => {
      const e = gps.get(tag);
      if (!e || (e[0] !== 5 && e[0] !== 10) || e[1] !== 3) return Number.NaN;
      const at = u32(e[2]);
      let deg = 0;
      for (let i = 0; i < 3; i++) {
        const den = u32(at + i * 8 + 4);
        deg += den ? u32(at + i * 8) / den / 60 ** i : Number.NaN;
      }
      return deg;
    };
    const lat = angle(2) * (ref(1) === 'S' ? -1 : 1);
    const lng = angle(4) * (ref(3) === 'W' ? -1 : 1);
    if (!(Math.abs(lat) <= 90 && Math.abs(lng) <= 180) || (lat === 0 && lng === 0)) return null;
    return { lng, lat };
  } catch {
    return null; // a pointer ran off the segment: a damaged or truncated EXIF block
  }
}

/** True when the JPEG carries any metadata segment: APP1–APP15 (EXIF, XMP, ICC, maker data) or a comment. */
export function jpegHasMetadata(b: Uint8Array): boolean {
  return jpegSegments(b).some((s) => (s.marker > 0xe0 && s.marker <= 0xef) || s.marker === 0xfe);
}

/**
 * The JPEG without APP1–APP15 and comment segments (APP0/JFIF, tables and image data kept).
 * Canvas encoders write none, so this is a guarantee rather than a step that normally changes anything.
 */
export function stripJpegMetadata(b: Uint8Array): Uint8Array {
  const segs = jpegSegments(b);
  const drop = segs.filter((s) => (s.marker > 0xe0 && s.marker <= 0xef) || s.marker === 0xfe);
  if (!drop.length) return b;
  const parts: Uint8Array[] = [];
  let at = 0;
  for (const s of drop) {
    parts.push(b.subarray(at, s.start));
    at = s.end;
  }
  parts.push(b.subarray(at));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
