/**
 * Tracking codes as people type them: the same reading as the database's normalize_tracking_code, so the
 * track page can say "that is not a tracking code" before asking the server.
 */
const BODY = /^[0-9A-HJKMNP-TV-Z]{8}$/;

/**
 * The canonical QS-XXXX-XXXX form, or null when the text cannot be a code. Accepts lower case, spaces and
 * missing dashes, and the letters Crockford base32 reads as digits (I and L as 1, O as 0).
 * @example normalizeTrackingCode(' qs 7k3m 9p2x ') // 'QS-7K3M-9P2X'
 */
export function normalizeTrackingCode(typed: string): string | null {
  const compact = typed.replace(/[\s\-‐-―－]/g, '').toUpperCase();
  const hasPrefix = compact.startsWith('QS') && compact.length === 10;
  const body = (hasPrefix ? compact.slice(2) : compact).replace(/[IL]/g, '1').replace(/O/g, '0');
  return BODY.test(body) ? `QS-${body.slice(0, 4)}-${body.slice(4)}` : null;
}
