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
