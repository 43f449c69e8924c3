import { HttpException } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ZodValidationException } from 'nestjs-zod';
import { ZodError } from 'zod';
import type { ErrorCode, ErrorResponse } from '@tadamon/shared';
import { ERROR_STATUS } from '@tadamon/shared';
import { AppError } from './app-error.js';
import { toFieldErrors } from './field-errors.js';
import { isDatabaseUnavailable } from './database-unavailable.js';

/** Fastify's own error codes that are the client's fault, mapped to ours. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'VALIDATION_FAILED',
  FST_ERR_CTP_INVALID_JSON_BODY: 'VALIDATION_FAILED',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
  // The router could not decode the path (`%ED%A0%80`, `%FF`): answered through frameworkErrors.
  FST_ERR_BAD_URL: 'VALIDATION_FAILED',
  // A path parameter longer than the router keeps (100 characters): no id of ours is that long.
  FST_ERR_MAX_PARAM_LENGTH: 'VALIDATION_FAILED',
};

const HTTP_STATUS_CODES: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

/**
 * PostgreSQL refusing a value the client sent (SQLSTATE class 22, "data exception"): invalid
 * byte sequence, number out of range, invalid text representation, string too long, character
 * not in UTF-8. Inputs are checked before they reach the database; this is the last line of
 * defence, so a check that is missing answers 400, never 500.
 */
const DATA_EXCEPTIONS = new Set(['22021', '22003', '22P02', '22001', '22P05', '22008', '22007']);
/** Prisma's own codes for the same: value too long for the column, value out of range. */
const PRISMA_DATA_CODES = new Set(['P2000', 'P2020']);

/** The SQLSTATE of a database error, wherever the driver or Prisma put it. */
export function databaseDataException(exception: unknown): string | null {
  let current: unknown = exception;
  for (let hops = 0; current && typeof current === 'object' && hops < 6; hops++) {
    const error = current as { code?: unknown; originalCode?: unknown; name?: string; meta?: { driverAdapterError?: unknown }; cause?: unknown };
    for (const code of [error.originalCode, error.code]) {
      if (typeof code === 'string' && (DATA_EXCEPTIONS.has(code) || PRISMA_DATA_CODES.has(code))) return code;
    }
    current = error.meta?.driverAdapterError ?? error.cause;
  }
  return null;
}

const SAFE_MESSAGES: Partial<Record<ErrorCode, string>> = {
  VALIDATION_FAILED: 'The request is not valid.',
  NOT_FOUND: 'Not found.',
  PAYLOAD_TOO_LARGE: 'The request body is too large.',
  UNSUPPORTED_MEDIA_TYPE: 'This content type is not accepted.',
  RATE_LIMITED: 'Too many requests; try again later.',
  INTERNAL: 'Something went wrong on our side. It has been logged.',
  DATABASE_UNAVAILABLE: 'The service cannot reach its database right now. Please try again in a moment.',
};

/**
 * What an error becomes for the user: a stable code, a safe message, details and headers.
 * Anything unexpected is INTERNAL, so no stack trace or SQL ever reaches anyone.
 */
export function describeError(exception: unknown): {
  code: ErrorCode;
  message: string;
  details?: unknown;
  headers?: Record<string, string>;
} {
  if (exception instanceof AppError) {
    return {
      code: exception.code,
      message: exception.message,
      details: exception.details,
      headers: exception.headers,
    };
  }
  if (exception instanceof ZodValidationException || exception instanceof ZodError) {
    const zodError =
      exception instanceof ZodError ? exception : (exception.getZodError() as ZodError);
    return {
      code: 'VALIDATION_FAILED',
      message: SAFE_MESSAGES.VALIDATION_FAILED!,
      details: { fields: toFieldErrors(zodError.issues) },
    };
  }
  const dataException = databaseDataException(exception);
  if (dataException) {
    return { code: 'VALIDATION_FAILED', message: SAFE_MESSAGES.VALIDATION_FAILED!, details: { reason: 'valueNotStorable' } };
  }
  const fastifyCode = (exception as { code?: unknown })?.code;
  if (typeof fastifyCode === 'string' && FASTIFY_CODES[fastifyCode]) {
    const code = FASTIFY_CODES[fastifyCode];
    return { code, message: SAFE_MESSAGES[code] ?? code };
  }
  if (exception instanceof HttpException) {
    const code = HTTP_STATUS_CODES[exception.getStatus()];
    if (code) return { code, message: SAFE_MESSAGES[code] ?? exception.message };
  }
  if (isDatabaseUnavailable(exception)) {
    // A restart of PostgreSQL: retryable, and nothing about the query is told.
    return { code: 'DATABASE_UNAVAILABLE', message: SAFE_MESSAGES.DATABASE_UNAVAILABLE!, headers: { 'retry-after': '5' } };
  }
  return { code: 'INTERNAL', message: SAFE_MESSAGES.INTERNAL! };
}

/** Sends `{code, message, details?, requestId}` with the code's status. */
export function sendError(reply: FastifyReply, request: FastifyRequest, error: ReturnType<typeof describeError>): FastifyReply {
  const body: ErrorResponse = { code: error.code, message: error.message, requestId: String(request.id) };
  if (error.details !== undefined) body.details = error.details;
  if (error.headers) reply.headers(error.headers);
  return reply.status(ERROR_STATUS[error.code]).send(body);
}
