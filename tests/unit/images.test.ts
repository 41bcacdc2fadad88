import { readFileSync } from 'node:fs';
import exifr from 'exifr';
import { describe, expect, it } from 'vitest';
import { fixturePhotos } from '../fixtures/photos.ts';
import {
  fitWithin,
  jpegHasMetadata,
  jpegSegments,
  readJpegGps,
  sniffImageFormat,
  stripJpegMetadata,
} from '../../src/lib/images/index.ts';
import {
  APP0_JFIF,
  COMMENT,
  XMP_APP1,
  bytes,
  concat,
  exifSegment,
  exifTiff,
  fakeJpeg,
  segment,
} from './support/jpeg.ts';

// A spot in Qingshan's made-up geography; any point in China will do.
const spot = { lat: 36.0671234, lng: 120.3826789 };
// DMS with seconds in 1/10000 s is exact to ~3e-9°.
const close = (got: { lat: number; lng: number } | null, want: { lat: number; lng: number }) => {
  expect(got).not.toBeNull();
  expect(Math.abs(got!.lat - want.lat)).toBeLessThan(1e-7);
  expect(Math.abs(got!.lng - want.lng)).toBeLessThan(1e-7);
};

describe('reading GPS from a JPEG', () => {
  it('reads a little-endian (II) EXIF block, the layout phones write', () => {
    close(readJpegGps(fakeJpeg(exifSegment({ ...spot, order: 'II' }))), spot);
  });

  it('reads a big-endian (MM) EXIF block', () => {
    close(readJpegGps(fakeJpeg(exifSegment({ ...spot, order: 'MM' }))), spot);
  });

  it('agrees with exifr, an independent reader, on both byte orders', async () => {
    for (const order of ['II', 'MM'] as const) {
      const jpeg = fakeJpeg(APP0_JFIF, exifSegment({ ...spot, order, orientation: 6 }));
      const theirs = await exifr.gps(jpeg);
      const ours = readJpegGps(jpeg);
      expect(ours!.lat).toBeCloseTo(theirs.latitude, 9);
      expect(ours!.lng).toBeCloseTo(theirs.longitude, 9);
    }
  });

  it('makes southern and western positions negative', () => {
    const sw = { lat: -33.8688, lng: -70.6693 };
    close(readJpegGps(fakeJpeg(exifSegment(sw))), sw);
  });

  it('finds EXIF after a JFIF segment, an XMP segment and a comment', () => {
    close(readJpegGps(fakeJpeg(APP0_JFIF, XMP_APP1, COMMENT, exifSegment(spot))), spot);
  });

  it('finds GPS when IFD0 has other entries before the GPS pointer', () => {
    close(readJpegGps(fakeJpeg(exifSegment({ ...spot, orientation: 8 }))), spot);
  });

  it('accepts signed rationals', () => {
    close(readJpegGps(fakeJpeg(exifSegment({ ...spot, rationalType: 10 }))), spot);
  });

  it('reads positions without N/E references as north and east', () => {
    close(readJpegGps(fakeJpeg(exifSegment({ ...spot, noRefs: true }))), spot);
  });

  it('returns null for a JPEG without EXIF', () => {
    expect(readJpegGps(fakeJpeg(APP0_JFIF))).toBeNull();
  });

  it('returns null for EXIF without a GPS pointer', () => {
    const tiff = new Uint8Array([0x49, 0x49, 42, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(readJpegGps(fakeJpeg(segment(0xe1, concat(bytes('Exif\0\0'), tiff))))).toBeNull();
  });

  it('returns null for a zero denominator, (0, 0) and out-of-range angles', () => {
    expect(readJpegGps(fakeJpeg(exifSegment({ ...spot, zeroDenominator: true })))).toBeNull();
    expect(readJpegGps(fakeJpeg(exifSegment({ lat: 0, lng: 0 })))).toBeNull();
    expect(readJpegGps(fakeJpeg(exifSegment({ lat: 91, lng: 120 })))).toBeNull();
    expect(readJpegGps(fakeJpeg(exifSegment({ lat: 36, lng: 181 })))).toBeNull();
  });

  it('returns null, without throwing, for a bad byte-order mark or TIFF magic', () => {
    const tiff = exifTiff(spot);
    const badOrder = tiff.slice();
    badOrder.set([0x41, 0x41], 0);
    const badMagic = tiff.slice();
    badMagic[2] = 43;
    for (const t of [badOrder, badMagic]) {
      expect(readJpegGps(fakeJpeg(segment(0xe1, concat(bytes('Exif\0\0'), t))))).toBeNull();
    }
  });

  it('returns null, without throwing, when the EXIF block is cut short or its pointers run off the end', () => {
    const app1 = exifSegment(spot);
    const whole = fakeJpeg(app1);
    // Cut anywhere inside the EXIF segment: it no longer fits in what was read.
    for (let n = 0; n < 2 + app1.length; n++) expect(readJpegGps(whole.subarray(0, n))).toBeNull();
    expect(readJpegGps(whole.subarray(0, 2 + app1.length))).not.toBeNull();
    // A well-formed segment whose GPS pointer points past its end.
    const tiff = exifTiff(spot);
    new DataView(tiff.buffer).setUint32(8 + 2 + 8, 10_000, true);
    expect(readJpegGps(fakeJpeg(segment(0xe1, concat(bytes('Exif\0\0'), tiff))))).toBeNull();
  });

  it('returns null for data that is not a JPEG at all', () => {
    expect(readJpegGps(new Uint8Array(0))).toBeNull();
    expect(readJpegGps(bytes('\x89PNG\r\n\x1a\n0000'))).toBeNull();
    expect(readJpegGps(new Uint8Array(1000).fill(0xff))).toBeNull();
  });

  it('reads from a view into a larger buffer (as when only the head of a file is read)', () => {
    const jpeg = fakeJpeg(exifSegment(spot));
    const big = new Uint8Array(jpeg.length + 100);
    big.set(jpeg, 100);
    close(readJpegGps(big.subarray(100)), spot);
  });
});

describe('JPEG metadata', () => {
  it('lists the segments before the scan, skipping fill bytes', () => {
    const jpeg = concat(new Uint8Array([0xff, 0xd8, 0xff]), fakeJpeg(APP0_JFIF, COMMENT).subarray(2));
    expect(jpegSegments(jpeg).map((s) => s.marker)).toEqual([0xe0, 0xfe, 0xdb]);
  });

  it('finds EXIF, XMP and comments, but not JFIF alone', () => {
    expect(jpegHasMetadata(fakeJpeg(APP0_JFIF))).toBe(false);
    expect(jpegHasMetadata(fakeJpeg(APP0_JFIF, exifSegment(spot)))).toBe(true);
    expect(jpegHasMetadata(fakeJpeg(XMP_APP1))).toBe(true);
    expect(jpegHasMetadata(fakeJpeg(COMMENT))).toBe(true);
    expect(jpegHasMetadata(fakeJpeg(segment(0xe2, bytes('ICC_PROFILE\0'))))).toBe(true);
  });

  it('strips every metadata segment and keeps JFIF, tables, scan and end marker byte for byte', () => {
    const clean = fakeJpeg(APP0_JFIF);
    const dirty = fakeJpeg(
      APP0_JFIF,
      exifSegment(spot),
      XMP_APP1,
      COMMENT,
      segment(0xed, bytes('Photoshop 3.0\0')),
    );
    const stripped = stripJpegMetadata(dirty);
    expect(jpegHasMetadata(stripped)).toBe(false);
    expect(readJpegGps(stripped)).toBeNull();
    expect(stripped).toEqual(clean);
  });

  it('returns a clean JPEG unchanged', () => {
    const clean = fakeJpeg(APP0_JFIF);
    expect(stripJpegMetadata(clean)).toBe(clean);
  });
});

describe('telling image formats apart by their bytes', () => {
  const ftyp = (major: string, ...compatible: string[]) => {
    const brands = [major, '\0\0\0\0', ...compatible].join('');
    const size = 8 + brands.length;
    return concat(new Uint8Array([0, 0, 0, size]), bytes(`ftyp${brands}`), new Uint8Array(16));
  };

  it('knows JPEG, PNG, WebP and GIF', () => {
    expect(sniffImageFormat(fakeJpeg())).toBe('jpeg');
    expect(sniffImageFormat(bytes('\x89PNG\r\n\x1a\n\0\0\0\rIHDR'))).toBe('png');
    expect(sniffImageFormat(bytes('RIFF\x24\0\0\0WEBPVP8 '))).toBe('webp');
    expect(sniffImageFormat(bytes('GIF89a\x01\0\x01\0'))).toBe('gif');
  });

  it('knows HEIC/HEIF from iPhones and Android phones by brand', () => {
    for (const brand of ['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1']) {
      expect(sniffImageFormat(ftyp(brand, 'mif1', 'heic')), brand).toBe('heic');
    }
  });

  it('tells AVIF from HEIF, including generic mif1 files that list avif', () => {
    expect(sniffImageFormat(ftyp('avif', 'mif1', 'miaf'))).toBe('avif');
    expect(sniffImageFormat(ftyp('mif1', 'avif', 'miaf'))).toBe('avif');
    expect(sniffImageFormat(ftyp('mif1', 'heic'))).toBe('heic');
  });

  it('refuses other ISO-BMFF files (video), text, and too-short input', () => {
    expect(sniffImageFormat(ftyp('isom', 'mp41'))).toBeNull();
    expect(sniffImageFormat(ftyp('qt  '))).toBeNull();
    expect(sniffImageFormat(bytes('%PDF-1.7\n'))).toBeNull();
    expect(sniffImageFormat(bytes('RIFF\0\0\0\0WAVEfmt '))).toBeNull();
    expect(sniffImageFormat(new Uint8Array([0xff, 0xd8]))).toBeNull();
    expect(sniffImageFormat(new Uint8Array(0))).toBeNull();
  });
});

describe('output size', () => {
  it('shrinks a 12 MP landscape photo to 2048 on the long edge', () => {
    expect(fitWithin(4032, 3024, 2048)).toEqual({ width: 2048, height: 1536 });
  });

  it('shrinks a portrait photo by its height', () => {
    expect(fitWithin(3024, 4032, 2048)).toEqual({ width: 1536, height: 2048 });
  });

  it('keeps the aspect ratio of odd sizes within rounding', () => {
    const { width, height } = fitWithin(4000, 2999, 2048);
    expect(width).toBe(2048);
    expect(height).toBe(1535); // 2999 × 2048 / 4000 = 1535.488
  });

  it('leaves photos at or under the limit alone, never enlarging', () => {
    expect(fitWithin(2048, 2048, 2048)).toEqual({ width: 2048, height: 2048 });
    expect(fitWithin(2048, 100, 2048)).toEqual({ width: 2048, height: 100 });
    expect(fitWithin(640, 480, 2048)).toEqual({ width: 640, height: 480 });
  });

  it('shrinks a square one pixel over the limit', () => {
    expect(fitWithin(2049, 2049, 2048)).toEqual({ width: 2048, height: 2048 });
  });

  it('never returns a zero side for a panorama', () => {
    expect(fitWithin(100_000, 10, 2048)).toEqual({ width: 2048, height: 1 });
    expect(fitWithin(10, 100_000, 2048)).toEqual({ width: 1, height: 2048 });
  });
});

describe('the committed photo fixtures (used by the browser tests)', () => {
  for (const [name, f] of Object.entries(fixturePhotos)) {
    const jpeg = new Uint8Array(readFileSync(f.file));
    it(`${name}: is a small real JPEG of the stated size`, () => {
      expect(jpeg.length).toBeLessThan(50 * 1024);
      expect(sniffImageFormat(jpeg)).toBe('jpeg');
      const sof = jpegSegments(jpeg).find((s) => s.marker === 0xc0)!;
      const v = new DataView(jpeg.buffer, jpeg.byteOffset);
      expect({ height: v.getUint16(sof.start + 5), width: v.getUint16(sof.start + 7) }).toEqual({
        height: f.height,
        width: f.width,
      });
    });
    it(`${name}: carries the stated GPS position and orientation, read alike by us and by exifr`, async () => {
      close(readJpegGps(jpeg), f.gps);
      expect(await exifr.gps(jpeg)).toEqual({
        latitude: expect.closeTo(f.gps.lat, 9),
        longitude: expect.closeTo(f.gps.lng, 9),
      });
      expect(await exifr.orientation(jpeg)).toBe(f.orientation);
      expect(jpegHasMetadata(jpeg)).toBe(true);
    });
    it(`${name}: comes out at the stated size`, () => {
      const upright = f.orientation >= 5 ? [f.height, f.width] : [f.width, f.height];
      expect(fitWithin(upright[0]!, upright[1]!, 2048)).toEqual(f.expectedOutput);
    });
  }
});
