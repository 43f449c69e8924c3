import { Controller, Get, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { csrfResponseSchema, sessionResponseSchema, signInRequestSchema } from '@tadamon/shared';
import { CurrentActor, Public, SecondFactorStep, SignedIn } from '../../common/auth/access.decorators.js';
import type { Actor } from '../../common/auth/actor.js';
import { CSRF_COOKIE, newCsrfToken } from '../../common/auth/csrf.js';
import { SessionService } from '../../common/auth/session.service.js';
import { requestMeta } from '../../common/http/request-meta.js';
import { AuthService } from './auth.service.js';
import { LocalAuthGuard } from './local-auth.guard.js';

class SignInDto extends createZodDto(signInRequestSchema) {}
class SessionDto extends createZodDto(sessionResponseSchema) {}
class CsrfDto extends createZodDto(csrfResponseSchema) {}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionService,
  ) {}

  /** A token for state-changing requests made before sign-in (double-submit cookie). */
  @Public()
  @Get('csrf')
  @ZodResponse({ type: CsrfDto })
  csrf(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const existing = request.cookies?.[CSRF_COOKIE];
    const csrfToken = existing && existing.length >= 32 ? existing : newCsrfToken();
    const { options } = this.sessions.cookie();
    reply.setCookie(CSRF_COOKIE, csrfToken, { ...options, httpOnly: false, maxAge: undefined });
    return { csrfToken };
  }

  @Public()
  @UseGuards(LocalAuthGuard)
  // The guard reads and validates the body (guards run before pipes); this documents it.
  @ApiBody({ type: SignInDto })
  @Post('sign-in')
  @HttpCode(200)
  @ZodResponse({ type: SessionDto })
  async signIn(
    @Req() request: FastifyRequest & { user: { userId: string }; body: { sharedDevice?: boolean } },
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const sharedDevice = request.body.sharedDevice === true;
    const token = await this.auth.signIn(request.user.userId, requestMeta(request), { sharedDevice });
    const cookie = this.sessions.cookie();
    reply.setCookie(cookie.name, token, cookie.options);
    return this.auth.describeToken(token);
  }

  @SignedIn()
  @SecondFactorStep()
  @Get('session')
  @ZodResponse({ type: SessionDto })
  session(@CurrentActor() actor: Actor) {
    return this.auth.describe(actor);
  }

  @SignedIn()
  @SecondFactorStep()
  @Post('sign-out')
  @HttpCode(204)
  async signOut(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    await this.auth.signOut(actor, requestMeta(request));
    const cookie = this.sessions.cookie();
    reply.clearCookie(cookie.name, { path: '/' });
  }

  @SignedIn()
  @Post('sign-out-everywhere')
  @HttpCode(204)
  async signOutEverywhere(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    await this.auth.signOutEverywhere(actor, requestMeta(request));
    const cookie = this.sessions.cookie();
    reply.clearCookie(cookie.name, { path: '/' });
  }
}
