import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { z } from 'zod';
import {
  activeSessionSchema,
  currentUserSchema,
  passwordChangeSchema,
  pinChangeSchema,
  profileUpdateSchema,
  uuidSchema,
} from '@tadamon/shared';
import { CurrentActor, SignedIn } from '../../common/auth/access.decorators.js';
import type { Actor } from '../../common/auth/actor.js';
import { requestMeta } from '../../common/http/request-meta.js';
import { ProfileService } from './profile.service.js';

class ProfileUpdateDto extends createZodDto(profileUpdateSchema) {}
class PasswordChangeDto extends createZodDto(passwordChangeSchema) {}
class PinChangeDto extends createZodDto(pinChangeSchema) {}
class CurrentUserDto extends createZodDto(currentUserSchema) {}
class SessionListDto extends createZodDto(z.object({ items: z.array(activeSessionSchema) })) {}
class IdParams extends createZodDto(z.strictObject({ id: uuidSchema })) {}

/**
 * One's own account. @SignedIn rather than the `profile.manage` permission: a person whose
 * last membership was removed must still be able to change their password or sign out.
 */
@ApiTags('profile')
@Controller('me')
export class ProfileController {
  constructor(private readonly profile: ProfileService) {}

  @SignedIn()
  @Get('profile')
  @ZodResponse({ type: CurrentUserDto })
  get(@CurrentActor() actor: Actor) {
    return this.profile.get(actor);
  }

  @SignedIn()
  @Patch('profile')
  @ZodResponse({ type: CurrentUserDto })
  update(@CurrentActor() actor: Actor, @Body() body: ProfileUpdateDto) {
    return this.profile.update(actor, body);
  }

  @SignedIn()
  @Post('password')
  @HttpCode(204)
  changePassword(@CurrentActor() actor: Actor, @Body() body: PasswordChangeDto, @Req() request: FastifyRequest) {
    return this.profile.changePassword(actor, body, requestMeta(request));
  }

  @SignedIn()
  @Post('pin')
  @HttpCode(204)
  changePin(@CurrentActor() actor: Actor, @Body() body: PinChangeDto, @Req() request: FastifyRequest) {
    return this.profile.changePin(actor, body, requestMeta(request));
  }

  @SignedIn()
  @Get('sessions')
  @ZodResponse({ type: SessionListDto })
  sessions(@CurrentActor() actor: Actor) {
    return this.profile.listSessions(actor);
  }

  @SignedIn()
  @Delete('sessions/:id')
  @HttpCode(204)
  endSession(@CurrentActor() actor: Actor, @Param() params: IdParams, @Req() request: FastifyRequest) {
    return this.profile.endSession(actor, params.id, requestMeta(request));
  }
}
