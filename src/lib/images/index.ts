export { sniffImageFormat, type ImageFormat } from './format.ts';
export { jpegHasMetadata, jpegSegments, readJpegGps, stripJpegMetadata } from './jpeg.ts';
export { fitWithin } from './size.ts';
export {
  MAX_EDGE,
  MAX_INPUT_BYTES,
  PhotoError,
  preparePhoto,
  type PhotoErrorCode,
  type PreparedPhoto,
} from './prepare.ts';
