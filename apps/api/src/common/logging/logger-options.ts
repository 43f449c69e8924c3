import type { Params } from 'nestjs-pino';
import type { AppConfig } from '../config/config.js';

/** Structured JSON logs with the request id; secrets never reach the log. */
export function loggerOptions(config: AppConfig): Params {
  return {
    pinoHttp: {
      level: config.NODE_ENV === 'test' ? 'silent' : config.LOG_LEVEL,
      // Fastify has assigned the id already (from x-request-id or a new UUID).
      genReqId: (request) => (request as unknown as { id: string }).id,
      redact: {
        paths: [
          'req.headers.cookie',
          'req.headers.authorization',
          'req.headers["x-csrf-token"]',
          'res.headers["set-cookie"]',
        ],
        censor: '[redacted]',
      },
      autoLogging: { ignore: (request) => request.url?.startsWith('/api/health') ?? false },
    },
  };
}
