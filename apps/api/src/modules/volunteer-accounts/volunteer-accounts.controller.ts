import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { z } from 'zod';
import {
  sessionResponseSchema,
  setupCodePreviewRequestSchema,
  setupCodePreviewSchema,
  setupCodeRedeemSchema,
  setupCodeSchema,
  uuidSchema,
  volunteerAccountCreateSchema,
  volunteerAccountCreatedSchema,
} from '@tadamon/shared';
import { CurrentActor, Public, RequirePermission } from '../../common/auth/access.decorators.js';
import type { Actor } from '../../common/auth/actor.js';
import { SessionService } from '../../common/auth/session.service.js';
import { requestMeta } from '../../common/http/request-meta.js';
import { VolunteerAccountsService } from './volunteer-accounts.service.js';

class OrganisationParams extends createZodDto(z.strictObject({ id: uuidSchema })) {}
class MembershipParams extends createZodDto(z.strictObject({ id: uuidSchema, membershipId: uuidSchema })) {}
class VolunteerAccountCreateDto extends createZodDto(volunteerAccountCreateSchema) {}
class VolunteerAccountCreatedDto extends createZodDto(volunteerAccountCreatedSchema) {}
class SetupCodeDto extends createZodDto(setupCodeSchema) {}
class SetupCodePreviewRequestDto extends createZodDto(setupCodePreviewRequestSchema) {}
class SetupCodePreviewDto extends createZodDto(setupCodePreviewSchema) {}
class SetupCodeRedeemDto extends createZodDto(setupCodeRedeemSchema) {}
class SessionDto extends createZodDto(sessionResponseSchema) {}

@ApiTags('members')
@Controller('organisations/:id')
export class VolunteerAccountsController {
  constructor(private readonly accounts: VolunteerAccountsService) {}

  /** A volunteer account with a phone number or a username, and its first setup code. */
  @RequirePermission('members.inviteVolunteer')
  @Post('volunteer-accounts')
  @ZodResponse({ type: VolunteerAccountCreatedDto, status: 201 })
  create(
    @CurrentActor() actor: Actor,
    @Param() params: OrganisationParams,
    @Body() body: VolunteerAccountCreateDto,
    @Req() request: FastifyRequest,
  ) {
    return this.accounts.create(actor, params.id, body, requestMeta(request));
  }

  /** A new setup code; the previous one stops working. */
  @RequirePermission('members.inviteVolunteer')
  @Post('members/:membershipId/setup-code')
  @ZodResponse({ type: SetupCodeDto, status: 201 })
  issueCode(@CurrentActor() actor: Actor, @Param() params: MembershipParams, @Req() request: FastifyRequest) {
    return this.accounts.issueCode(actor, params.id, params.membershipId, requestMeta(request));
  }
}

@ApiTags('auth')
@Controller('auth/setup-code')
export class SetupCodesController {
  constructor(
    private readonly accounts: VolunteerAccountsService,
    private readonly sessions: SessionService,
  ) {}

  @Public()
  @Post('preview')
  @HttpCode(200)
  @ZodResponse({ type: SetupCodePreviewDto, status: 200 })
  preview(@Body() body: SetupCodePreviewRequestDto, @Req() request: FastifyRequest) {
    return this.accounts.preview(body.code, requestMeta(request));
  }

  /** Public: the volunteer has no password yet. Signs them in on success. */
  @Public()
  @Post('redeem')
  @HttpCode(200)
  @ZodResponse({ type: SessionDto, status: 200 })
  async redeem(
    @Body() body: SetupCodeRedeemDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { token, session } = await this.accounts.redeem(body, requestMeta(request));
    const cookie = this.sessions.cookie();
    reply.setCookie(cookie.name, token, cookie.options);
    return session;
  }
}
