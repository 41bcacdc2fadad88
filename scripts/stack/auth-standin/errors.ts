/**
 * Errors of the local auth stand-in, rendered in the real Auth server's JSON shapes so auth-js maps them to the
 * same AuthApiError codes. auth-js sends `X-Supabase-Api-Version: 2024-01-01`; for that version the real server
 * answers `{ code: "<error_code>", message }` and echoes the header, otherwise the legacy
 * `{ code: <status>, error_code, msg }`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** An HTTP error with one of the real server's error codes (internal/api/apierrors/errorcode.go). */
export class AuthFailure extends Error {
  readonly status: number;
  readonly errorCode: string;
  readonly weakPasswordReasons: string[] | undefined;

  constructor(status: number, errorCode: string, message: string, weakPasswordReasons?: string[]) {
    super(message);
    this.status = status;
    this.errorCode = errorCode;
    this.weakPasswordReasons = weakPasswordReasons;
  }
}

/** An OAuth2-style error (`{ error, error_description }`, always 400), used by a few grant checks. */
export class OAuthFailure extends Error {
  readonly error: string;

  constructor(error: string, description: string) {
    super(description);
    this.error = error;
  }
}

/** Commit the transaction's work, then answer with `failure`. */
export class CommitThenFail extends Error {
  readonly failure: AuthFailure;

  constructor(failure: AuthFailure) {
    super(failure.message);
    this.failure = failure;
  }
}

export const badRequest = (code: string, message: string) => new AuthFailure(400, code, message);
export const forbidden = (code: string, message: string) => new AuthFailure(403, code, message);
export const notFound = (code: string, message: string) => new AuthFailure(404, code, message);
export const unprocessable = (code: string, message: string) => new AuthFailure(422, code, message);

const API_VERSION_HEADER = 'x-supabase-api-version';
const API_VERSION_2024 = '2024-01-01';

function usesApiVersion2024(req: IncomingMessage): boolean {
  const given = req.headers[API_VERSION_HEADER];
  return typeof given === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(given) && given >= API_VERSION_2024;
}

export function renderError(req: IncomingMessage, res: ServerResponse, error: unknown) {
  const modern = usesApiVersion2024(req);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (modern) headers[API_VERSION_HEADER] = API_VERSION_2024;

  let status: number;
  let body: Record<string, unknown>;
  if (error instanceof OAuthFailure) {
    status = 400;
    body = { error: error.error, error_description: error.message };
  } else {
    const failure =
      error instanceof AuthFailure
        ? error
        : new AuthFailure(
            500,
            'unexpected_failure',
            'Unexpected failure, please check server logs for more information',
          );
    if (!(error instanceof AuthFailure)) console.error('[auth stand-in]', error);
    status = failure.status;
    body = modern
      ? { code: failure.errorCode, message: failure.message }
      : { code: failure.status, error_code: failure.errorCode, msg: failure.message };
    if (failure.weakPasswordReasons) body.weak_password = { reasons: failure.weakPasswordReasons };
  }
  if (res.headersSent) return res.end();
  res.writeHead(status, headers);
  res.end(JSON.stringify(body));
}
