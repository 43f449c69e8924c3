import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { ERROR_STATUS, type ErrorCode, type ErrorResponse } from '@tadamon/shared';

/**
 * Requests Node's HTTP parser refuses before Fastify sees them (Fastify's `clientErrorHandler`):
 * headers or address past the 16 kB limit, a malformed request line. They get our error body
 * with a stable code, as every other refusal; a client that timed out gets Node's 408.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  let status: number;
  let body: string;
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    status = 408;
    body = '{"error":"Request Timeout","message":"Client Timeout","statusCode":408}';
  } else {
    const code: ErrorCode = error.code === 'HPE_HEADER_OVERFLOW' ? 'PAYLOAD_TOO_LARGE' : 'VALIDATION_FAILED';
    status = ERROR_STATUS[code];
    const answer: ErrorResponse = {
      code,
      message: code === 'PAYLOAD_TOO_LARGE' ? 'The address or headers are too large.' : 'The request is not valid.',
      requestId: randomUUID(),
    };
    body = JSON.stringify(answer);
  }
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
