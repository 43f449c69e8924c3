import { ArgumentsHost, Catch, Logger, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { databaseDataException, describeError, sendError } from './error-response.js';

/**
 * The one place errors from Nest routes become HTTP answers (see error-response.ts).
 * Anything unexpected is logged with its stack and answered as INTERNAL.
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const error = describeError(exception);
    if (error.code === 'INTERNAL') {
      this.logger.error({ err: exception, requestId: request.id }, 'Unhandled error');
    } else if (error.code === 'DATABASE_UNAVAILABLE') {
      this.logger.warn({ requestId: request.id, err: String(exception) }, 'Database unavailable');
    } else if (databaseDataException(exception)) {
      // Answered 400, but an input check is missing before the database: worth fixing.
      this.logger.warn({ err: exception, requestId: request.id }, 'Database refused a value the request sent');
    }
    sendError(reply, request, error);
  }
}
