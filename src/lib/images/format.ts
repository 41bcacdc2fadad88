/** Image formats told apart by their first bytes, never by the file name or the browser's MIME guess. */
export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'gif' | 'heic' | 'avif';

const ascii = (b: Uint8Array, at: number, len: number) => String.fromCharCode(...b.subarray(at, at + len));

/**
 * The format of an image from its first bytes (32 are enough for most, ISO-BMFF brand lists may need more),
 * or null when it is none we know. HEIC/HEIF and AVIF share the ISO-BMFF `ftyp` box and differ by brand.
 */
export function sniffImageFormat(b: Uint8Array): ImageFormat | null {
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (ascii(b, 0, 8) === '\x89PNG\r\n\x1a\n') return 'png';
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') return 'webp';
  if (ascii(b, 0, 4) === 'GIF8') return 'gif';
  if (ascii(b, 4, 4) === 'ftyp') {
    const size = ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0;
    const brands: string[] = [ascii(b, 8, 4)];
    for (let at = 16; at + 4 <= Math.min(size, b.length); at += 4) brands.push(ascii(b, at, 4));
    // The major brand decides; generic 'mif1'/'msf1' files are AVIF when they list an AVIF brand.
    if (
      /^avi[fs]$/.test(brands[0]!) ||
      (/^m[is]f1$/.test(brands[0]!) && brands.some((x) => /^avi[fs]$/.test(x)))
    ) {
      return 'avif';
    }
    if (/^(hei[cxms]|hev[cxms]|m[is]f1|mif2)$/.test(brands[0]!)) return 'heic';
  }
  return null;
}
