import { Body, Controller, Delete, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { z } from 'zod';
import {
  attendeeListSchema,
  meetingCreateSchema,
  meetingDetailSchema,
  meetingListQuerySchema,
  meetingRegistrationInputSchema,
  meetingSummarySchema,
  meetingTimeInZonesInputSchema,
  meetingTimeInZonesSchema,
  meetingUpdateSchema,
  occurrenceCancelSchema,
  occurrenceMoveSchema,
  organisationResponseInputSchema,
  uuidSchema,
} from '@tadamon/shared';
import { CurrentActor, RequirePermission } from '../../common/auth/access.decorators.js';
import type { Actor } from '../../common/auth/actor.js';
import { MeetingCalendarService } from './meeting-calendar.service.js';
import { MeetingParticipationService } from './meeting-participation.service.js';
import { MeetingTimeInZonesService } from './meeting-time-in-zones.service.js';
import { MeetingsService } from './meetings.service.js';

class MeetingCreateDto extends createZodDto(meetingCreateSchema) {}
class MeetingUpdateDto extends createZodDto(meetingUpdateSchema) {}
class MeetingDetailDto extends createZodDto(meetingDetailSchema) {}
class MeetingListDto extends createZodDto(z.object({ items: z.array(meetingSummarySchema) })) {}
class MeetingListQuery extends createZodDto(meetingListQuerySchema) {}
class OccurrenceCancelDto extends createZodDto(occurrenceCancelSchema) {}
class OccurrenceMoveDto extends createZodDto(occurrenceMoveSchema) {}
class RegistrationDto extends createZodDto(meetingRegistrationInputSchema) {}
class TimeInZonesInputDto extends createZodDto(meetingTimeInZonesInputSchema) {}
class TimeInZonesDto extends createZodDto(meetingTimeInZonesSchema) {}
class OrganisationResponseDto extends createZodDto(organisationResponseInputSchema) {}
class AttendeeListDto extends createZodDto(attendeeListSchema) {}
class IdParams extends createZodDto(z.strictObject({ id: uuidSchema })) {}
class OrganisationParams extends createZodDto(z.strictObject({ id: uuidSchema, organisationId: uuidSchema })) {}

@ApiTags('meetings')
@Controller('meetings')
export class MeetingsController {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly participation: MeetingParticipationService,
    private readonly calendar: MeetingCalendarService,
    private readonly timeInZones: MeetingTimeInZonesService,
  ) {}

  @RequirePermission('meetings.read')
  @Get()
  @ZodResponse({ type: MeetingListDto })
  list(@CurrentActor() actor: Actor, @Query() query: MeetingListQuery) {
    return this.meetings.list(actor, query.when);
  }

  @RequirePermission('meetings.manage')
  @Post()
  @ZodResponse({ type: MeetingDetailDto, status: 201 })
  create(@CurrentActor() actor: Actor, @Body() body: MeetingCreateDto) {
    return this.meetings.create(actor, body);
  }

  /** The typed time as it reads in each invited organisation's zone, before sending. */
  @RequirePermission('meetings.manage')
  @Post('time-in-zones')
  @ZodResponse({ type: TimeInZonesDto, status: 200 })
  convertTimes(@Body() body: TimeInZonesInputDto) {
    return this.timeInZones.convert(body);
  }

  @RequirePermission('meetings.read')
  @Get(':id')
  @ZodResponse({ type: MeetingDetailDto })
  get(@CurrentActor() actor: Actor, @Param() params: IdParams) {
    return this.meetings.get(actor, params.id);
  }

  @RequirePermission('meetings.manage')
  @Put(':id')
  @ZodResponse({ type: MeetingDetailDto })
  update(@CurrentActor() actor: Actor, @Param() params: IdParams, @Body() body: MeetingUpdateDto) {
    return this.meetings.update(actor, params.id, body);
  }

  @RequirePermission('meetings.manage')
  @Post(':id/cancel')
  @ZodResponse({ type: MeetingDetailDto, status: 200 })
  cancel(@CurrentActor() actor: Actor, @Param() params: IdParams) {
    return this.meetings.cancel(actor, params.id);
  }

  @RequirePermission('meetings.manage')
  @Post(':id/occurrences/cancel')
  @ZodResponse({ type: MeetingDetailDto, status: 200 })
  cancelOccurrence(@CurrentActor() actor: Actor, @Param() params: IdParams, @Body() body: OccurrenceCancelDto) {
    return this.meetings.cancelOccurrence(actor, params.id, body.occurrenceStart);
  }

  @RequirePermission('meetings.manage')
  @Post(':id/occurrences/move')
  @ZodResponse({ type: MeetingDetailDto, status: 200 })
  moveOccurrence(@CurrentActor() actor: Actor, @Param() params: IdParams, @Body() body: OccurrenceMoveDto) {
    return this.meetings.moveOccurrence(actor, params.id, body);
  }

  @RequirePermission('meetings.read')
  @Put(':id/registration')
  @ZodResponse({ type: MeetingDetailDto })
  register(@CurrentActor() actor: Actor, @Param() params: IdParams, @Body() body: RegistrationDto) {
    return this.participation.register(actor, params.id, body);
  }

  @RequirePermission('meetings.read')
  @Delete(':id/registration')
  @ZodResponse({ type: MeetingDetailDto })
  unregister(@CurrentActor() actor: Actor, @Param() params: IdParams) {
    return this.participation.unregister(actor, params.id);
  }

  @RequirePermission('meetings.respond')
  @Put(':id/organisations/:organisationId/response')
  @ZodResponse({ type: MeetingDetailDto })
  respond(@CurrentActor() actor: Actor, @Param() params: OrganisationParams, @Body() body: OrganisationResponseDto) {
    return this.participation.respond(actor, params.id, params.organisationId, body);
  }

  @RequirePermission('meetings.read')
  @Get(':id/attendees')
  @ZodResponse({ type: AttendeeListDto })
  attendees(@CurrentActor() actor: Actor, @Param() params: IdParams) {
    return this.participation.attendees(actor, params.id);
  }

  @RequirePermission('meetings.read')
  @Get(':id/calendar.ics')
  async ics(@CurrentActor() actor: Actor, @Param() params: IdParams, @Res({ passthrough: true }) reply: FastifyReply) {
    const text = await this.calendar.forMeeting(actor, params.id);
    reply.header('content-type', 'text/calendar; charset=utf-8');
    reply.header('content-disposition', 'attachment; filename="meeting.ics"');
    return text;
  }
}
