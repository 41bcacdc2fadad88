/**
 * The reporter token: a secret this device makes when it queues a report and keeps in "my reports", so it
 * can later rate or reopen that report. submit_report stores only its sha256. Made on the device (not by the
 * server) so a lost answer cannot lose it.
 */

/** 32 random bytes (256 bits) as base64url without padding: 43 characters of [A-Za-z0-9_-]. */
export function newReporterToken(
  random: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array = (b) => crypto.getRandomValues(b),
): string {
  const bytes = random(new Uint8Array(32));
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The shape submit_report accepts: 22 to 128 base64url characters (at least 128 bits). */
export const REPORTER_TOKEN_SHAPE = /^[A-Za-z0-9_-]{22,128}$/;
