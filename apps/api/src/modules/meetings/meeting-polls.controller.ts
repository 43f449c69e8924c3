import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { z } from 'zod';
import { meetingDetailSchema, meetingPollCreateSchema, meetingPollSchema, pollAnswersInputSchema, pollPickInputSchema, uuidSchema } from '@tadamon/shared';
import { CurrentActor, RequirePermission } from '../../common/auth/access.decorators.js';
import type { Actor } from '../../common/auth/actor.js';
import { MeetingPollsService } from './meeting-polls.service.js';

class MeetingPollCreateDto extends createZodDto(meetingPollCreateSchema) {}
class MeetingPollDto extends createZodDto(meetingPollSchema) {}
class MeetingDetailDto extends createZodDto(meetingDetailSchema) {}
class PollAnswersDto extends createZodDto(pollAnswersInputSchema) {}
class PollPickDto extends createZodDto(pollPickInputSchema) {}
class IdParams extends createZodDto(z.strictObject({ id: uuidSchema })) {}

/** Find a time: a meeting whose time is chosen from proposed slots. */
@ApiTags('meetings')
@Controller('meetings')
export class MeetingPollsController {
  constructor(private readonly polls: MeetingPollsService) {}

  @RequirePermission('meetings.manage')
  @Post('polls')
  @ZodResponse({ type: MeetingDetailDto, status: 201 })
  create(@CurrentActor() actor: Actor, @Body() body: MeetingPollCreateDto) {
    return this.polls.create(actor, body);
  }

  @RequirePermission('meetings.read')
  @Get(':id/poll')
  @ZodResponse({ type: MeetingPollDto })
  get(@CurrentActor() actor: Actor, @Param() params: IdParams) {
    return this.polls.get(actor, params.id);
  }

  @RequirePermission('meetings.read')
  @Put(':id/poll/answers')
  @ZodResponse({ type: MeetingPollDto })
  answer(@CurrentActor() actor: Actor, @Param() params: IdParams, @Body() body: PollAnswersDto) {
    return this.polls.answer(actor, params.id, body);
  }

  @RequirePermission('meetings.manage')
  @Post(':id/poll/close')
  @ZodResponse({ type: MeetingPollDto, status: 200 })
  close(@CurrentActor() actor: Actor, @Param() params: IdParams) {
    return this.polls.close(actor, params.id);
  }

  @RequirePermission('meetings.manage')
  @Post(':id/poll/pick')
  @ZodResponse({ type: MeetingDetailDto, status: 200 })
  pick(@CurrentActor() actor: Actor, @Param() params: IdParams, @Body() body: PollPickDto) {
    return this.polls.pick(actor, params.id, body.slotId);
  }
}
