import { Body, Controller, Get, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { notificationListSchema, notificationPreferenceSchema, notificationReadSchema } from '@tadamon/shared';
import { CurrentActor, SignedIn } from '../../common/auth/access.decorators.js';
import type { Actor } from '../../common/auth/actor.js';
import { NotificationsService } from './notifications.service.js';

class NotificationListDto extends createZodDto(notificationListSchema) {}
class NotificationReadDto extends createZodDto(notificationReadSchema) {}
class NotificationPreferenceDto extends createZodDto(notificationPreferenceSchema) {}

/** Everyone has their own notifications: the routes only ever touch the caller's. */
@ApiTags('notifications')
@Controller('me/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @SignedIn()
  @Get()
  @ZodResponse({ type: NotificationListDto })
  list(@CurrentActor() actor: Actor) {
    return this.notifications.list(actor);
  }

  @SignedIn()
  @Post('read')
  @ZodResponse({ type: NotificationListDto, status: 200 })
  markRead(@CurrentActor() actor: Actor, @Body() body: NotificationReadDto) {
    return this.notifications.markRead(actor, body.ids);
  }

  @SignedIn()
  @Get('preference')
  @ZodResponse({ type: NotificationPreferenceDto })
  preference(@CurrentActor() actor: Actor) {
    return this.notifications.preference(actor);
  }

  @SignedIn()
  @Put('preference')
  @ZodResponse({ type: NotificationPreferenceDto })
  setPreference(@CurrentActor() actor: Actor, @Body() body: NotificationPreferenceDto) {
    return this.notifications.setPreference(actor, body.emailMode);
  }
}
