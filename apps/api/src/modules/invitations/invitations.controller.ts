import { Body, Controller, Delete, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { z } from 'zod';
import {
  invitationAcceptSchema,
  invitationCreateSchema,
  invitationPreviewRequestSchema,
  invitationPreviewSchema,
  invitationSchema,
  sessionResponseSchema,
  uuidSchema,
} from '@tadamon/shared';
import { CurrentActor, Public, RequirePermission } from '../../common/auth/access.decorators.js';
import type { Actor } from '../../common/auth/actor.js';
import { SessionService } from '../../common/auth/session.service.js';
import { requestMeta } from '../../common/http/request-meta.js';
import { InvitationsService } from './invitations.service.js';

class InvitationCreateDto extends createZodDto(invitationCreateSchema) {}
class InvitationAcceptDto extends createZodDto(invitationAcceptSchema) {}
class InvitationPreviewRequestDto extends createZodDto(invitationPreviewRequestSchema) {}
class InvitationDto extends createZodDto(invitationSchema) {}
class InvitationListDto extends createZodDto(z.object({ items: z.array(invitationSchema) })) {}
class InvitationPreviewDto extends createZodDto(invitationPreviewSchema) {}
class SessionDto extends createZodDto(sessionResponseSchema) {}
class IdParams extends createZodDto(z.strictObject({ id: uuidSchema })) {}

@ApiTags('invitations')
@Controller()
export class InvitationsController {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly sessions: SessionService,
  ) {}

  @RequirePermission('members.inviteVolunteer')
  @Post('invitations')
  @ZodResponse({ type: InvitationDto, status: 201 })
  create(@CurrentActor() actor: Actor, @Body() body: InvitationCreateDto, @Req() request: FastifyRequest) {
    return this.invitations.create(actor, body, requestMeta(request));
  }

  @RequirePermission('members.read')
  @Get('organisations/:id/invitations')
  @ZodResponse({ type: InvitationListDto })
  list(@CurrentActor() actor: Actor, @Param() params: IdParams) {
    return this.invitations.listPending(actor, params.id);
  }

  @RequirePermission('members.inviteVolunteer')
  @Delete('invitations/:id')
  @HttpCode(204)
  revoke(@CurrentActor() actor: Actor, @Param() params: IdParams, @Req() request: FastifyRequest) {
    return this.invitations.revoke(actor, params.id, requestMeta(request));
  }

  @Public()
  @Post('invitations/preview')
  @ZodResponse({ type: InvitationPreviewDto, status: 200 })
  preview(@Body() body: InvitationPreviewRequestDto) {
    return this.invitations.preview(body.token);
  }

  /** Public: the invitee usually has no account yet. Signs them in on success. */
  @Public()
  @Post('invitations/accept')
  @ZodResponse({ type: SessionDto, status: 200 })
  async accept(
    @CurrentActor() actor: Actor | undefined,
    @Body() body: InvitationAcceptDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { token, session } = await this.invitations.accept(actor, body, requestMeta(request));
    const cookie = this.sessions.cookie();
    reply.setCookie(cookie.name, token, cookie.options);
    return session;
  }
}
