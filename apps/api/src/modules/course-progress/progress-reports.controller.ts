import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { z } from 'zod';
import {
  completionsQuerySchema,
  completionsSchema,
  networkProgressCsvQuerySchema,
  networkProgressQuerySchema,
  networkProgressSchema,
  pathProgressSchema,
  progressCsvQuerySchema,
  progressPageSchema,
  progressQuerySchema,
  uuidSchema,
} from '@tadamon/shared';
import { CurrentActor, RequirePermission } from '../../common/auth/access.decorators.js';
import type { Actor } from '../../common/auth/actor.js';
import { ProgressReportsService } from './progress-reports.service.js';

class ProgressQueryDto extends createZodDto(progressQuerySchema) {}
class ProgressCsvQueryDto extends createZodDto(progressCsvQuerySchema) {}
class ProgressPageDto extends createZodDto(progressPageSchema) {}
class PathProgressDto extends createZodDto(pathProgressSchema) {}
class NetworkQueryDto extends createZodDto(networkProgressQuerySchema) {}
class NetworkCsvQueryDto extends createZodDto(networkProgressCsvQuerySchema) {}
class NetworkProgressDto extends createZodDto(networkProgressSchema) {}
class CompletionsQueryDto extends createZodDto(completionsQuerySchema) {}
class CompletionsDto extends createZodDto(completionsSchema) {}
class OrganisationParams extends createZodDto(z.strictObject({ id: uuidSchema })) {}
class NetworkParams extends createZodDto(z.strictObject({ networkId: uuidSchema })) {}

function sendCsv(reply: FastifyReply, file: { stream: NodeJS.ReadableStream; filename: string }) {
  reply.header('content-type', 'text/csv; charset=utf-8');
  reply.header('content-disposition', `attachment; filename="${file.filename}"`);
  reply.header('cache-control', 'no-store');
  return file.stream;
}

/** Leaders: their organisation. Coordinators: their network, and any of its organisations. */
@ApiTags('course-progress')
@Controller()
export class ProgressReportsController {
  constructor(private readonly reports: ProgressReportsService) {}

  @RequirePermission('courses.progress')
  @Get('organisations/:id/course-progress')
  @ZodResponse({ type: ProgressPageDto })
  organisation(@CurrentActor() actor: Actor, @Param() params: OrganisationParams, @Query() query: ProgressQueryDto) {
    return this.reports.organisationPage(actor, params.id, query);
  }

  @RequirePermission('courses.progress')
  @Get('organisations/:id/course-progress.csv')
  async organisationCsv(
    @CurrentActor() actor: Actor,
    @Param() params: OrganisationParams,
    @Query() query: ProgressCsvQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return sendCsv(reply, await this.reports.organisationCsv(actor, params.id, query));
  }

  @RequirePermission('courses.progress')
  @Get('organisations/:id/learning-path-progress')
  @ZodResponse({ type: PathProgressDto })
  paths(@CurrentActor() actor: Actor, @Param() params: OrganisationParams) {
    return this.reports.pathProgress(actor, params.id);
  }

  @RequirePermission('courses.progress')
  @Get('organisations/:id/course-completions')
  @ZodResponse({ type: CompletionsDto })
  organisationCompletions(@CurrentActor() actor: Actor, @Param() params: OrganisationParams, @Query() query: CompletionsQueryDto) {
    return this.reports.organisationCompletions(actor, params.id, query);
  }

  @RequirePermission('courses.progress')
  @Get('networks/:networkId/course-progress')
  @ZodResponse({ type: NetworkProgressDto })
  network(@CurrentActor() actor: Actor, @Param() params: NetworkParams, @Query() query: NetworkQueryDto) {
    return this.reports.networkProgress(actor, params.networkId, query.by, query.courseId);
  }

  @RequirePermission('courses.progress')
  @Get('networks/:networkId/course-progress.csv')
  async networkCsv(
    @CurrentActor() actor: Actor,
    @Param() params: NetworkParams,
    @Query() query: NetworkCsvQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return sendCsv(reply, await this.reports.networkCsv(actor, params.networkId, query.by, query.courseId, query.language));
  }

  @RequirePermission('courses.progress')
  @Get('networks/:networkId/course-completions')
  @ZodResponse({ type: CompletionsDto })
  networkCompletions(@CurrentActor() actor: Actor, @Param() params: NetworkParams, @Query() query: CompletionsQueryDto) {
    return this.reports.networkCompletions(actor, params.networkId, query);
  }
}
