import type { FastifyRequest } from 'fastify';

/** Client address and user agent, for throttling, sessions and the audit log. */
export function requestMeta(request: FastifyRequest): { ip: string; userAgent?: string } {
  const agent = request.headers['user-agent'];
  return { ip: request.ip, userAgent: typeof agent === 'string' ? agent : undefined };
}
