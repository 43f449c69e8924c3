import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentActor, RequirePermission } from '../../../common/auth/access.decorators.js';
import type { Actor } from '../../../common/auth/actor.js';
import { DashboardQueryDto, NetworkParams, OrganisationParams } from '../dashboard/dashboard.controller.js';
import { ReportExportService, type ReportFile } from './report-export.service.js';

const TYPES = { csv: 'text/csv; charset=utf-8', pdf: 'application/pdf' } as const;

async function send(reply: FastifyReply, file: ReportFile, format: keyof typeof TYPES) {
  await reply
    .type(TYPES[format])
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .header('cache-control', 'private, no-store')
    .send(file.content);
}

/** The dashboard's CSV and printable PDF: whoever may read the dashboard, nobody else. */
@ApiTags('reports')
@Controller()
export class ReportExportController {
  constructor(private readonly exports: ReportExportService) {}

  @RequirePermission('reports.read')
  @Get('networks/:networkId/dashboard.csv')
  async networkCsv(@CurrentActor() actor: Actor, @Param() params: NetworkParams, @Query() query: DashboardQueryDto, @Res() reply: FastifyReply) {
    await send(reply, await this.exports.network(actor, params.networkId, query, 'csv'), 'csv');
  }

  @RequirePermission('reports.read')
  @Get('networks/:networkId/dashboard.pdf')
  async networkPdf(@CurrentActor() actor: Actor, @Param() params: NetworkParams, @Query() query: DashboardQueryDto, @Res() reply: FastifyReply) {
    await send(reply, await this.exports.network(actor, params.networkId, query, 'pdf'), 'pdf');
  }

  @RequirePermission('reports.read')
  @Get('organisations/:id/dashboard.csv')
  async organisationCsv(@CurrentActor() actor: Actor, @Param() params: OrganisationParams, @Query() query: DashboardQueryDto, @Res() reply: FastifyReply) {
    await send(reply, await this.exports.organisation(actor, params.id, query, 'csv'), 'csv');
  }

  @RequirePermission('reports.read')
  @Get('organisations/:id/dashboard.pdf')
  async organisationPdf(@CurrentActor() actor: Actor, @Param() params: OrganisationParams, @Query() query: DashboardQueryDto, @Res() reply: FastifyReply) {
    await send(reply, await this.exports.organisation(actor, params.id, query, 'pdf'), 'pdf');
  }
}
