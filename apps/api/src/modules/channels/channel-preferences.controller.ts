import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { channelPreferencesSchema, channelPreferencesUpdateSchema } from '@tadamon/shared';
import { CurrentActor, SignedIn } from '../../common/auth/access.decorators.js';
import type { Actor } from '../../common/auth/actor.js';
import { ChannelPreferencesService } from './channel-preferences.service.js';

class ChannelPreferencesDto extends createZodDto(channelPreferencesSchema) {}
class ChannelPreferencesUpdateDto extends createZodDto(channelPreferencesUpdateSchema) {}

/** Which channels reach me for each kind of message. @SignedIn like the rest of /me. */
@ApiTags('profile')
@Controller('me/channels')
export class ChannelPreferencesController {
  constructor(private readonly preferences: ChannelPreferencesService) {}

  @SignedIn()
  @Get()
  @ZodResponse({ type: ChannelPreferencesDto })
  get(@CurrentActor() actor: Actor) {
    return this.preferences.get(actor);
  }

  @SignedIn()
  @Put()
  @ZodResponse({ type: ChannelPreferencesDto })
  update(@CurrentActor() actor: Actor, @Body() body: ChannelPreferencesUpdateDto) {
    return this.preferences.update(actor, body);
  }
}
