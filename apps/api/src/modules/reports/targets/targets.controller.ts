import { Body, Controller, Delete, Get, HttpCode, Ip, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { z } from 'zod';
import { reportTargetCreateSchema, reportTargetListSchema, reportTargetSchema, reportTargetUpdateSchema, uuidSchema } from '@tadamon/shared';
import { CurrentActor, RequirePermission } from '../../../common/auth/access.decorators.js';
import type { Actor } from '../../../common/auth/actor.js';
import { TargetsService } from './targets.service.js';

class ReportTargetCreateDto extends createZodDto(reportTargetCreateSchema) {}
class ReportTargetUpdateDto extends createZodDto(reportTargetUpdateSchema) {}
class ReportTargetDto extends createZodDto(reportTargetSchema) {}
class ReportTargetListDto extends createZodDto(reportTargetListSchema) {}
class IdParams extends createZodDto(z.strictObject({ id: uuidSchema })) {}
class NetworkParams extends createZodDto(z.strictObject({ networkId: uuidSchema })) {}

@ApiTags('reports')
@Controller()
export class TargetsController {
  constructor(private readonly targets: TargetsService) {}

  @RequirePermission('reports.read')
  @Get('networks/:networkId/report-targets')
  @ZodResponse({ type: ReportTargetListDto })
  list(@CurrentActor() actor: Actor, @Param() params: NetworkParams) {
    return this.targets.list(actor, params.networkId);
  }

  @RequirePermission('reports.manageTargets')
  @Post('networks/:networkId/report-targets')
  @ZodResponse({ type: ReportTargetDto, status: 201 })
  create(@CurrentActor() actor: Actor, @Param() params: NetworkParams, @Body() body: ReportTargetCreateDto, @Ip() ip: string) {
    return this.targets.create(actor, params.networkId, body, ip);
  }

  @RequirePermission('reports.manageTargets')
  @Patch('report-targets/:id')
  @ZodResponse({ type: ReportTargetDto })
  update(@CurrentActor() actor: Actor, @Param() params: IdParams, @Body() body: ReportTargetUpdateDto, @Ip() ip: string) {
    return this.targets.update(actor, params.id, body, ip);
  }

  @RequirePermission('reports.manageTargets')
  @Delete('report-targets/:id')
  @HttpCode(204)
  remove(@CurrentActor() actor: Actor, @Param() params: IdParams, @Ip() ip: string) {
    return this.targets.remove(actor, params.id, ip);
  }
}
