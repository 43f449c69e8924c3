import { Body, Controller, Delete, Get, HttpCode, Ip, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { z } from 'zod';
import { assignableQuerySchema, assignableSchema, assignmentListSchema, courseAssignSchema, uuidSchema } from '@tadamon/shared';
import { CurrentActor, RequirePermission } from '../../common/auth/access.decorators.js';
import type { Actor } from '../../common/auth/actor.js';
import { AssignmentsService } from './assignments.service.js';

class AssignDto extends createZodDto(courseAssignSchema) {}
class AssignResultDto extends createZodDto(
  assignmentListSchema.extend({ waiting: z.array(z.object({ userId: uuidSchema, courseId: uuidSchema })) }),
) {}
class AssignableQueryDto extends createZodDto(assignableQuerySchema.extend({ q: z.string().trim().max(100).optional() })) {}
class AssignableDto extends createZodDto(assignableSchema) {}
class EnrolmentParams extends createZodDto(z.strictObject({ enrolmentId: uuidSchema })) {}

@ApiTags('course-progress')
@Controller('course-assignments')
export class AssignmentsController {
  constructor(private readonly assignments: AssignmentsService) {}

  /** What the assign dialog offers: published courses and paths, and the organisation's members. */
  @RequirePermission('courses.assign')
  @Get('assignable')
  @ZodResponse({ type: AssignableDto })
  assignable(@CurrentActor() actor: Actor, @Query() query: AssignableQueryDto) {
    return this.assignments.assignable(actor, query.organisationId, query.q);
  }

  @RequirePermission('courses.assign')
  @Post()
  @ZodResponse({ type: AssignResultDto, status: 201 })
  assign(@CurrentActor() actor: Actor, @Body() body: AssignDto, @Ip() ip: string) {
    return this.assignments.assign(actor, body, ip);
  }

  @RequirePermission('courses.assign')
  @Delete(':enrolmentId')
  @HttpCode(204)
  unassign(@CurrentActor() actor: Actor, @Param() params: EnrolmentParams, @Ip() ip: string) {
    return this.assignments.unassign(actor, params.enrolmentId, ip);
  }
}
