import { Body, Controller, Get, HttpCode, Logger, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { z } from 'zod';
import {
  oidcProviderCreateSchema,
  oidcProviderListSchema,
  oidcProviderSchema,
  oidcProviderUpdateSchema,
  oidcSignInOptionListSchema,
  uuidSchema,
} from '@tadamon/shared';
import { CurrentActor, Public, RequirePermission } from '../../common/auth/access.decorators.js';
import type { Actor } from '../../common/auth/actor.js';
import { SessionService } from '../../common/auth/session.service.js';
import { requestMeta } from '../../common/http/request-meta.js';
import { AppError } from '../../common/errors/app-error.js';
import { OidcService } from './oidc.service.js';

class CreateDto extends createZodDto(oidcProviderCreateSchema) {}
class UpdateDto extends createZodDto(oidcProviderUpdateSchema) {}
class ProviderDto extends createZodDto(oidcProviderSchema) {}
class ProviderListDto extends createZodDto(oidcProviderListSchema) {}
class OptionListDto extends createZodDto(oidcSignInOptionListSchema) {}
class NetworkParams extends createZodDto(z.strictObject({ networkId: uuidSchema })) {}
class IdParams extends createZodDto(z.strictObject({ id: uuidSchema })) {}
class ProviderParams extends createZodDto(z.strictObject({ providerId: uuidSchema })) {}
const param = z.string().max(4096).optional();
/** What a provider sends back (RFC 6749 §4.1.2, RFC 9207's iss); anything else is dropped. */
class CallbackQuery extends createZodDto(
  z.object({ code: param, state: param, iss: param, session_state: param, error: param, error_description: param }),
) {}

/** The browser's half of the state: an HttpOnly cookie set at start, read at the callback. */
const STATE_COOKIE = 'tadamon_oidc_state';
const STATE_PATH = '/api/auth/oidc';

/**
 * Start and callback are browser navigations, not API calls: a failure sends the browser back
 * to the SPA's sign-in page with the stable code (`/sign-in?sso_error=CODE`), which shows it
 * translated, instead of a JSON error page. Unexpected errors show as INTERNAL, logged here.
 */
const SIGN_IN_PAGE = '/sign-in';

/** Coordinators set up their network's provider; visitors sign in with it. */
@ApiTags('auth')
@Controller()
export class OidcController {
  private readonly logger = new Logger('SingleSignOn');

  constructor(
    private readonly oidc: OidcService,
    private readonly sessions: SessionService,
  ) {}

  @RequirePermission('network.manage')
  @Get('networks/:networkId/oidc-providers')
  @ZodResponse({ type: ProviderListDto })
  list(@CurrentActor() actor: Actor, @Param() params: NetworkParams) {
    return this.oidc.list(actor, params.networkId);
  }

  @RequirePermission('network.manage')
  @Post('networks/:networkId/oidc-providers')
  @ZodResponse({ status: 201, type: ProviderDto })
  create(@CurrentActor() actor: Actor, @Param() params: NetworkParams, @Body() body: CreateDto) {
    return this.oidc.create(actor, params.networkId, body);
  }

  @RequirePermission('network.manage')
  @Patch('oidc-providers/:id')
  @ZodResponse({ type: ProviderDto })
  update(@CurrentActor() actor: Actor, @Param() params: IdParams, @Body() body: UpdateDto) {
    return this.oidc.update(actor, params.id, body);
  }

  @Public()
  @Get('auth/oidc/providers')
  @ZodResponse({ type: OptionListDto })
  options() {
    return this.oidc.signInOptions();
  }

  @Public()
  @Get('auth/oidc/:providerId/start')
  async start(@Param() params: ProviderParams, @Res() reply: FastifyReply) {
    try {
      const { url, state } = await this.oidc.start(params.providerId);
      const { options } = this.sessions.cookie();
      reply.setCookie(STATE_COOKIE, state, { ...options, path: STATE_PATH, maxAge: 600 });
      return reply.redirect(url, 302);
    } catch (error) {
      return this.backToSignIn(reply, error);
    }
  }

  @Public()
  @Get('auth/oidc/callback')
  @HttpCode(302)
  async callback(@Query() query: CallbackQuery, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    // The state cookie is spent whatever happens: a retry starts again.
    reply.clearCookie(STATE_COOKIE, { path: STATE_PATH });
    let token: string;
    try {
      token = await this.oidc.callback(definedOnly(query), request.cookies?.[STATE_COOKIE], requestMeta(request));
    } catch (error) {
      return this.backToSignIn(reply, error);
    }
    const cookie = this.sessions.cookie();
    reply.setCookie(cookie.name, token, cookie.options);
    // The SPA takes over: home, or the second-factor step when the session still owes it.
    return reply.redirect('/', 302);
  }

  private backToSignIn(reply: FastifyReply, error: unknown) {
    const code = error instanceof AppError ? error.code : 'INTERNAL';
    if (!(error instanceof AppError)) this.logger.error({ err: error }, 'Single sign-on failed unexpectedly');
    return reply.redirect(`${SIGN_IN_PAGE}?sso_error=${encodeURIComponent(code)}`, 302);
  }
}

function definedOnly(query: object): Record<string, string> {
  return Object.fromEntries(Object.entries(query as Record<string, string | undefined>).filter((entry): entry is [string, string] => entry[1] !== undefined));
}
