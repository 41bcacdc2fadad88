/**
 * Errors of the local storage stand-in, in the real Storage server's shape: the HTTP status is 400 for every
 * client error (500 for server errors) and the body carries the meaningful one, e.g.
 * `{ "statusCode": "403", "code": "AccessDenied", "error": "Unauthorized",
 *    "message": "new row violates row-level security policy" }` — storage-js exposes it as
 * StorageApiError { status: 400, statusCode: '403' }. (src/internal/errors/codes.ts, src/http/error-handler.ts)
 */
import type { ServerResponse } from 'node:http';

export class StorageFailure extends Error {
  readonly statusCode: number;
  readonly code: string;
  readonly error: string;

  constructor(statusCode: number, code: string, message: string, error?: string) {
    super(message);
    this.statusCode = statusCode;
    this.code = code;
    this.error = error ?? code;
  }
}

export const ERRORS = {
  noSuchBucket: () => new StorageFailure(404, 'NoSuchBucket', 'Bucket not found', 'Bucket not found'),
  noSuchKey: () => new StorageFailure(404, 'NoSuchKey', 'Object not found', 'not_found'),
  accessDenied: (message = 'new row violates row-level security policy') =>
    new StorageFailure(403, 'AccessDenied', message, 'Unauthorized'),
  keyAlreadyExists: () =>
    new StorageFailure(409, 'KeyAlreadyExists', 'The resource already exists', 'Duplicate'),
  entityTooLarge: () =>
    new StorageFailure(
      413,
      'EntityTooLarge',
      'The object exceeded the maximum allowed size',
      'Payload too large',
    ),
  invalidMimeType: (mimeType: string) =>
    new StorageFailure(415, 'InvalidMimeType', `mime type ${mimeType} is not supported`, 'invalid_mime_type'),
  invalidKey: (key: string) => new StorageFailure(400, 'InvalidKey', `Invalid key: ${key}`),
  invalidJwt: (message: string) => new StorageFailure(400, 'InvalidJWT', message),
  invalidSignature: () => new StorageFailure(400, 'InvalidSignature', 'Invalid signature'),
  missingParameter: (name: string) =>
    new StorageFailure(400, 'MissingParameter', `Missing Required Parameter ${name}`),
  invalidParameter: (name: string) =>
    new StorageFailure(400, 'InvalidParameter', `Invalid Parameter ${name}`),
  noContent: () => new StorageFailure(400, 'InvalidRequest', 'No content provided'),
  relatedNotFound: () => new StorageFailure(404, 'InvalidRequest', 'The related resource does not exist'),
  notImplemented: (what: string) =>
    new StorageFailure(404, 'NotSupported', `${what} is not implemented by the local storage stand-in`),
};

/** Maps a PostgreSQL error the way the real server's DBError.fromDBError does. */
export function fromDbError(error: unknown): StorageFailure {
  const code = (error as { code?: string } | null)?.code;
  if (code === '42501') return ERRORS.accessDenied();
  if (code === '23505') return ERRORS.keyAlreadyExists();
  if (code === '23503') return ERRORS.relatedNotFound();
  return new StorageFailure(500, 'DatabaseError', error instanceof Error ? error.message : String(error));
}

export function renderError(res: ServerResponse, error: unknown) {
  const failure = error instanceof StorageFailure ? error : null;
  if (!failure) console.error('[storage stand-in]', error);
  const rendered = failure ?? new StorageFailure(500, 'InternalError', 'Internal server error');
  const body = {
    statusCode: String(rendered.statusCode),
    code: rendered.code,
    error: rendered.error,
    message: rendered.message,
  };
  if (res.headersSent) return void res.end();
  res.writeHead(rendered.statusCode >= 500 ? 500 : 400, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
