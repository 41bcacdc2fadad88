/**
 * Output size for a photo: the long edge at most `maxEdge`, the aspect ratio kept, never enlarged.
 *
 * @example fitWithin(4032, 3024, 2048) // { width: 2048, height: 1536 }
 */
export function fitWithin(width: number, height: number, maxEdge: number): { width: number; height: number } {
  const long = Math.max(width, height);
  if (long <= maxEdge) return { width, height };
  const scale = maxEdge / long;
  return width >= height
    ? { width: maxEdge, height: Math.max(1, Math.round(height * scale)) }
    : { width: Math.max(1, Math.round(width * scale)), height: maxEdge };
}
