import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { z } from 'zod';
import { dashboardQuerySchema, dashboardSchema, uuidSchema } from '@tadamon/shared';
import { CurrentActor, RequirePermission } from '../../../common/auth/access.decorators.js';
import type { Actor } from '../../../common/auth/actor.js';
import { DashboardService } from './dashboard.service.js';

export class DashboardQueryDto extends createZodDto(dashboardQuerySchema) {}
class DashboardDto extends createZodDto(dashboardSchema) {}
export class NetworkParams extends createZodDto(z.strictObject({ networkId: uuidSchema })) {}
export class OrganisationParams extends createZodDto(z.strictObject({ id: uuidSchema })) {}

/** Coordinators: their network's dashboard and any of its organisations'. Leaders: their organisation's. */
@ApiTags('reports')
@Controller()
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @RequirePermission('reports.read')
  @Get('networks/:networkId/dashboard')
  @ZodResponse({ type: DashboardDto })
  network(@CurrentActor() actor: Actor, @Param() params: NetworkParams, @Query() query: DashboardQueryDto) {
    return this.dashboard.network(actor, params.networkId, query);
  }

  @RequirePermission('reports.read')
  @Get('organisations/:id/dashboard')
  @ZodResponse({ type: DashboardDto })
  organisation(@CurrentActor() actor: Actor, @Param() params: OrganisationParams, @Query() query: DashboardQueryDto) {
    return this.dashboard.organisation(actor, params.id, query);
  }
}
