import { Controller, Delete, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { z } from 'zod';
import { calendarFeedSchema } from '@tadamon/shared';
import { CurrentActor, Public, RequirePermission } from '../../common/auth/access.decorators.js';
import type { Actor } from '../../common/auth/actor.js';
import { CalendarFeedService } from './calendar-feed.service.js';

class CalendarFeedDto extends createZodDto(calendarFeedSchema) {}
class TokenParams extends createZodDto(z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/) })) {}

@ApiTags('meetings')
@Controller()
export class CalendarFeedController {
  constructor(private readonly feeds: CalendarFeedService) {}

  /** Makes a new private feed URL (the previous one stops working). */
  @RequirePermission('meetings.read')
  @Post('me/calendar-feed')
  @ZodResponse({ type: CalendarFeedDto, status: 201 })
  create(@CurrentActor() actor: Actor) {
    return this.feeds.create(actor);
  }

  @RequirePermission('meetings.read')
  @Delete('me/calendar-feed')
  @HttpCode(204)
  revoke(@CurrentActor() actor: Actor) {
    return this.feeds.revoke(actor);
  }

  /** Public: calendar apps cannot sign in; the secret token in the URL is the key. */
  @Public()
  @Get('calendar-feeds/:token/meetings.ics')
  async feed(@Param() params: TokenParams, @Res({ passthrough: true }) reply: FastifyReply) {
    const text = await this.feeds.render(params.token);
    reply.header('content-type', 'text/calendar; charset=utf-8');
    return text;
  }
}
