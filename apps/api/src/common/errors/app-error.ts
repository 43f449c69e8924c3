import { ERROR_STATUS, type ErrorCode } from '@tadamon/shared';

/**
 * The only error type services throw on purpose. The global filter turns it into
 * `{code, message, details?, requestId}` with the status that belongs to the code.
 */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details?: Record<string, unknown>,
    /** Extra response headers, e.g. Retry-After. */
    readonly headers?: Record<string, string>,
  ) {
    super(message ?? code);
    this.status = ERROR_STATUS[code];
  }
}

export const notFound = (what = 'resource') => new AppError('NOT_FOUND', `No such ${what}.`);
export const forbidden = (message = 'You may not do this.') => new AppError('FORBIDDEN', message);
