import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error.js';
import type { Actor } from './actor.js';
import { CSRF_COOKIE, CSRF_HEADER, isCrossSite } from './csrf.js';
import { SessionService } from './session.service.js';
import { safeEqual } from './tokens.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Runs after the session guard. Every state-changing request needs (1) not to come from
 * another site per Fetch Metadata, and (2) the CSRF token in a header: the session's
 * token when signed in, else the double-submit cookie's.
 */
@Injectable()
export class CsrfGuard implements CanActivate {
  constructor(private readonly sessions: SessionService) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest & { actor?: Actor }>();
    if (SAFE_METHODS.has(request.method)) return true;
    const reject = () => new AppError('CSRF_REJECTED', 'The request could not be verified. Reload the page and try again.');
    if (isCrossSite(header(request, 'sec-fetch-site'))) throw reject();
    const sent = header(request, CSRF_HEADER);
    if (!sent) throw reject();
    const expected = request.actor
      ? this.sessions.csrfTokenFor(request.actor.sessionTokenHash)
      : request.cookies?.[CSRF_COOKIE];
    if (!expected || !safeEqual(sent, expected)) throw reject();
    return true;
  }
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
