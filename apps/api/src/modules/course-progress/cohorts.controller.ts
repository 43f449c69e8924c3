import { Body, Controller, Delete, Get, HttpCode, Ip, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { z } from 'zod';
import {
  cohortCreateSchema,
  cohortDetailSchema,
  cohortListQuerySchema,
  cohortListSchema,
  cohortMembersAddSchema,
  cohortUpdateSchema,
  uuidSchema,
} from '@tadamon/shared';
import { CurrentActor, RequirePermission } from '../../common/auth/access.decorators.js';
import type { Actor } from '../../common/auth/actor.js';
import { CohortsService } from './cohorts.service.js';

class CohortCreateDto extends createZodDto(cohortCreateSchema) {}
class CohortUpdateDto extends createZodDto(cohortUpdateSchema) {}
class CohortMembersDto extends createZodDto(cohortMembersAddSchema) {}
class CohortListQueryDto extends createZodDto(cohortListQuerySchema) {}
class CohortListDto extends createZodDto(cohortListSchema) {}
class CohortDetailDto extends createZodDto(cohortDetailSchema) {}
class IdParams extends createZodDto(z.strictObject({ id: uuidSchema })) {}
class MemberParams extends createZodDto(z.strictObject({ id: uuidSchema, userId: uuidSchema })) {}

@ApiTags('course-progress')
@Controller('course-cohorts')
export class CohortsController {
  constructor(private readonly cohorts: CohortsService) {}

  @RequirePermission('courses.progress')
  @Get()
  @ZodResponse({ type: CohortListDto })
  list(@CurrentActor() actor: Actor, @Query() query: CohortListQueryDto) {
    return this.cohorts.list(actor, query);
  }

  @RequirePermission('courses.assign')
  @Post()
  @ZodResponse({ type: CohortDetailDto, status: 201 })
  create(@CurrentActor() actor: Actor, @Body() body: CohortCreateDto, @Ip() ip: string) {
    return this.cohorts.create(actor, { ...body, organisationId: body.organisationId ?? null }, ip);
  }

  @RequirePermission('courses.progress')
  @Get(':id')
  @ZodResponse({ type: CohortDetailDto })
  detail(@CurrentActor() actor: Actor, @Param() params: IdParams) {
    return this.cohorts.detail(actor, params.id);
  }

  @RequirePermission('courses.assign')
  @Patch(':id')
  @ZodResponse({ type: CohortDetailDto })
  update(@CurrentActor() actor: Actor, @Param() params: IdParams, @Body() body: CohortUpdateDto, @Ip() ip: string) {
    return this.cohorts.update(actor, params.id, body, ip);
  }

  @RequirePermission('courses.assign')
  @Post(':id/members')
  @ZodResponse({ type: CohortDetailDto, status: 201 })
  addMembers(@CurrentActor() actor: Actor, @Param() params: IdParams, @Body() body: CohortMembersDto, @Ip() ip: string) {
    return this.cohorts.addMembers(actor, params.id, body.userIds, ip);
  }

  @RequirePermission('courses.assign')
  @Delete(':id/members/:userId')
  @HttpCode(204)
  removeMember(@CurrentActor() actor: Actor, @Param() params: MemberParams, @Ip() ip: string) {
    return this.cohorts.removeMember(actor, params.id, params.userId, ip);
  }
}
