import { Injectable, type ExecutionContext } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { signInRequestSchema } from '@tadamon/shared';
import { ZodError } from 'zod';

/**
 * Guards run before pipes, so passport would answer 401 to a malformed body before zod saw
 * it. We validate (and normalise) the body here first, so bad input answers 400 with fields.
 */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const parsed = signInRequestSchema.safeParse(request.body ?? {});
    if (!parsed.success) throw new ZodError(parsed.error.issues);
    const { email, identifier, ...rest } = parsed.data;
    request.body = { ...rest, identifier: identifier ?? email };
    return (await super.canActivate(context)) as boolean;
  }

  // Let our AppError (INVALID_CREDENTIALS, TOO_MANY_ATTEMPTS…) through instead of a bare 401.
  override handleRequest<T>(err: unknown, user: T): T {
    if (err) throw err;
    return user;
  }
}
