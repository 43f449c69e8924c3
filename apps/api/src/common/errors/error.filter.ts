import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ZodValidationException } from 'nestjs-zod';
import { ZodError } from 'zod';
import type { ErrorCode, ErrorResponse } from '@tadamon/shared';
import { ERROR_STATUS } from '@tadamon/shared';
import { AppError } from './app-error.js';
import { toFieldErrors } from './field-errors.js';

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
};

/**
 * The one place errors become HTTP answers: `{code, message, details?, requestId}`.
 * Anything unexpected is logged with its stack and answered as INTERNAL, so no stack
 * trace or SQL ever reaches a user.
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const { code, message, details, headers } = this.describe(exception);
    if (code === 'INTERNAL') {
      this.logger.error({ err: exception, requestId: request.id }, 'Unhandled error');
    }
    const body: ErrorResponse = { code, message, requestId: String(request.id) };
    if (details !== undefined) body.details = details;
    if (headers) reply.headers(headers);
    reply.status(ERROR_STATUS[code]).send(body);
  }

  private describe(exception: unknown): {
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
    return { code: 'INTERNAL', message: SAFE_MESSAGES.INTERNAL! };
  }
}
