import { Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { roleHas } from '@tadamon/shared';
import { AppError } from '../errors/app-error.js';
import { ACCESS_KEY, SECOND_FACTOR_STEP_KEY, type AccessRule } from './access.decorators.js';
import type { Actor } from './actor.js';
import { rolesOf } from './roles.js';
import { SessionService } from './session.service.js';

type RequestWithActor = FastifyRequest & { actor?: Actor };

/**
 * Global guard: resolves the session cookie into an actor and enforces the route's access
 * declaration. A route with no declaration is refused: forgetting one must not open it.
 */
@Injectable()
export class SessionGuard implements CanActivate {
  private readonly logger = new Logger('SessionGuard');

  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    const request = context.switchToHttp().getRequest<RequestWithActor>();
    const token = request.cookies?.[this.sessions.cookie().name];
    if (token) request.actor = (await this.sessions.resolve(token)) ?? undefined;

    if (!rule) {
      this.logger.error(`Route ${request.method} ${request.url} declares no access rule`);
      throw new AppError('FORBIDDEN', 'This route is not open.');
    }
    if (request.actor?.secondFactor) {
      const open = this.reflector.getAllAndOverride<boolean | undefined>(SECOND_FACTOR_STEP_KEY, [
        context.getHandler(),
        context.getClass(),
      ]);
      if (!open) {
        // Half signed in: public routes see an anonymous visitor, the rest refuse.
        if (rule.kind === 'public') request.actor = undefined;
        else {
          throw new AppError('SECOND_FACTOR_REQUIRED', 'Finish signing in with your second factor.', {
            step: request.actor.secondFactor === 'ENROL' ? 'enrol' : 'verify',
          });
        }
      }
    }
    if (rule.kind === 'public') return true;
    if (!request.actor) throw new AppError('UNAUTHENTICATED', 'Please sign in.');
    if (rule.kind === 'permission') {
      const allowed = rolesOf(request.actor).some((role) => roleHas(role, rule.permission));
      if (!allowed) throw new AppError('FORBIDDEN', 'Your role does not allow this.');
    }
    return true;
  }
}
