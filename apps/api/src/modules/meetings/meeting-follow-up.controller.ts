import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { z } from 'zod';
import {
  actionItemInputSchema,
  actionItemListSchema,
  actionItemSchema,
  actionItemStatusInputSchema,
  attendanceInputSchema,
  attendanceListSchema,
  minutesInputSchema,
  minutesResponseSchema,
  uuidSchema,
} from '@tadamon/shared';
import { CurrentActor, RequirePermission } from '../../common/auth/access.decorators.js';
import type { Actor } from '../../common/auth/actor.js';
import { MeetingFollowUpService } from './meeting-follow-up.service.js';

class MinutesInputDto extends createZodDto(minutesInputSchema) {}
class MinutesDto extends createZodDto(minutesResponseSchema) {}
class AttendanceInputDto extends createZodDto(attendanceInputSchema) {}
class AttendanceListDto extends createZodDto(attendanceListSchema) {}
class ActionItemInputDto extends createZodDto(actionItemInputSchema) {}
class ActionItemStatusDto extends createZodDto(actionItemStatusInputSchema) {}
class ActionItemDto extends createZodDto(actionItemSchema) {}
class ActionItemListDto extends createZodDto(actionItemListSchema) {}
class IdParams extends createZodDto(z.strictObject({ id: uuidSchema })) {}
class ItemParams extends createZodDto(z.strictObject({ id: uuidSchema, itemId: uuidSchema })) {}

/** After the meeting: minutes, attendance, action items. */
@ApiTags('meetings')
@Controller()
export class MeetingFollowUpController {
  constructor(private readonly followUp: MeetingFollowUpService) {}

  @RequirePermission('meetings.read')
  @Get('meetings/:id/minutes')
  @ZodResponse({ type: MinutesDto })
  minutes(@CurrentActor() actor: Actor, @Param() params: IdParams) {
    return this.followUp.minutes(actor, params.id);
  }

  @RequirePermission('meetings.manage')
  @Put('meetings/:id/minutes')
  @ZodResponse({ type: MinutesDto })
  saveMinutes(@CurrentActor() actor: Actor, @Param() params: IdParams, @Body() body: MinutesInputDto) {
    return this.followUp.saveMinutes(actor, params.id, body);
  }

  @RequirePermission('meetings.manage')
  @Get('meetings/:id/attendance')
  @ZodResponse({ type: AttendanceListDto })
  attendance(@CurrentActor() actor: Actor, @Param() params: IdParams) {
    return this.followUp.attendance(actor, params.id);
  }

  @RequirePermission('meetings.manage')
  @Put('meetings/:id/attendance')
  @ZodResponse({ type: AttendanceListDto })
  recordAttendance(@CurrentActor() actor: Actor, @Param() params: IdParams, @Body() body: AttendanceInputDto) {
    return this.followUp.recordAttendance(actor, params.id, body);
  }

  @RequirePermission('meetings.read')
  @Get('meetings/:id/action-items')
  @ZodResponse({ type: ActionItemListDto })
  actionItems(@CurrentActor() actor: Actor, @Param() params: IdParams) {
    return this.followUp.actionItems(actor, params.id);
  }

  @RequirePermission('meetings.manage')
  @Post('meetings/:id/action-items')
  @ZodResponse({ type: ActionItemDto, status: 201 })
  createActionItem(@CurrentActor() actor: Actor, @Param() params: IdParams, @Body() body: ActionItemInputDto) {
    return this.followUp.createActionItem(actor, params.id, body);
  }

  @RequirePermission('meetings.manage')
  @Put('meetings/:id/action-items/:itemId')
  @ZodResponse({ type: ActionItemDto })
  updateActionItem(@CurrentActor() actor: Actor, @Param() params: ItemParams, @Body() body: ActionItemInputDto) {
    return this.followUp.updateActionItem(actor, params.id, params.itemId, body);
  }

  @RequirePermission('meetings.respond')
  @Put('meetings/:id/action-items/:itemId/status')
  @ZodResponse({ type: ActionItemDto })
  setStatus(@CurrentActor() actor: Actor, @Param() params: ItemParams, @Body() body: ActionItemStatusDto) {
    return this.followUp.setActionItemStatus(actor, params.id, params.itemId, body.status);
  }

  @RequirePermission('meetings.read')
  // `:id` like every other organisations/:id route (Fastify's router wants one name per position).
  @Get('organisations/:id/meeting-action-items')
  @ZodResponse({ type: ActionItemListDto })
  openItemsOf(@CurrentActor() actor: Actor, @Param() params: IdParams) {
    return this.followUp.openItemsOf(actor, params.id);
  }
}
