/**
 * Turns the file a person picked into the photo we upload: decoded by the browser (turned upright from its
 * EXIF orientation), shrunk to at most 2048 px on the long edge and re-encoded as JPEG on a canvas — which
 * writes pixels only, so location, camera and time metadata never leave the device. The GPS position is read
 * first so the form can offer "use the photo's location".
 */
import type { LngLat } from '../geo/types.ts';
import { sniffImageFormat } from './format.ts';
import { readJpegGps, stripJpegMetadata } from './jpeg.ts';
import { fitWithin } from './size.ts';

export interface PreparedPhoto {
  blob: Blob;
  width: number;
  height: number;
  /** From the original's EXIF (JPEG only), WGS-84; not in the blob. */
  gps: LngLat | null;
}

/**
 * Why a photo could not be used; each has a message `report.error.photos.<code>` (e.g. "photos.heic").
 * type: not an image we know; heic: HEIC/HEIF this browser cannot decode; tooBig: over the input limit;
 * decode / encode: the browser failed to read or write it (damaged file, out of memory).
 */
export type PhotoErrorCode = 'type' | 'heic' | 'tooBig' | 'decode' | 'encode';

export class PhotoError extends Error {
  readonly code: PhotoErrorCode;
  constructor(code: PhotoErrorCode) {
    super(`photo_${code}`);
    this.code = code;
  }
}

export const MAX_EDGE = 2048;
/** Larger originals are refused before decoding: a cheap phone can run out of memory on them. */
export const MAX_INPUT_BYTES = 40 * 1024 * 1024;
/** EXIF must sit in the first 64 KB; a little more leaves room for segments before it. */
const HEAD_BYTES = 128 * 1024;

export async function preparePhoto(file: Blob, quality = 0.85): Promise<PreparedPhoto> {
  if (file.size > MAX_INPUT_BYTES) throw new PhotoError('tooBig');
  const head = new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());
  const format = sniffImageFormat(head);
  if (!format) throw new PhotoError('type');
  const gps = format === 'jpeg' ? readJpegGps(head) : null;

  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    // Safari decodes HEIC/HEIF (and so converts it here); Chrome and Firefox do not.
    throw new PhotoError(format === 'heic' ? 'heic' : 'decode');
  }
  const { width, height } = fitWithin(bitmap.width, bitmap.height, MAX_EDGE);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (ctx) {
    ctx.fillStyle = '#fff'; // JPEG has no transparency: a PNG's transparent parts become white, not black
    ctx.fillRect(0, 0, width, height);
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(bitmap, 0, 0, width, height);
  }
  bitmap.close();
  const encoded = ctx && (await new Promise<Blob | null>((r) => canvas.toBlob(r, 'image/jpeg', quality)));
  canvas.width = canvas.height = 0; // frees the pixels now rather than at garbage collection (iOS)
  if (!encoded || encoded.type !== 'image/jpeg') throw new PhotoError('encode');
  const bytes = stripJpegMetadata(new Uint8Array(await encoded.arrayBuffer()));
  return { blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'image/jpeg' }), width, height, gps };
}
