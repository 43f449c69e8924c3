import { Controller, Delete, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { z } from 'zod';
import {
  dataExportListSchema,
  dataExportSchema,
  myErasureRequestSchema,
  pendingErasureListSchema,
  uuidSchema,
} from '@tadamon/shared';
import { CurrentActor, RequirePermission, SignedIn } from '../../common/auth/access.decorators.js';
import type { Actor } from '../../common/auth/actor.js';
import { requestMeta } from '../../common/http/request-meta.js';
import { DataExportService } from './data-export.service.js';
import { ErasureService } from './erasure.service.js';

class DataExportDto extends createZodDto(dataExportSchema) {}
class DataExportListDto extends createZodDto(dataExportListSchema) {}
class MyErasureRequestDto extends createZodDto(myErasureRequestSchema) {}
class PendingErasureListDto extends createZodDto(pendingErasureListSchema) {}
class IdParams extends createZodDto(z.strictObject({ id: uuidSchema })) {}

/**
 * People own their data: download everything, ask for erasure. One's own requests are
 * @SignedIn (like the profile): a person with no membership left may still use them.
 */
@ApiTags('personal-data')
@Controller()
export class PersonalDataController {
  constructor(
    private readonly exports: DataExportService,
    private readonly erasure: ErasureService,
  ) {}

  @SignedIn()
  @Post('me/data-export')
  @HttpCode(202)
  @ZodResponse({ type: DataExportDto, status: 202 })
  requestExport(@CurrentActor() actor: Actor) {
    return this.exports.request(actor);
  }

  @SignedIn()
  @Get('me/data-exports')
  @ZodResponse({ type: DataExportListDto })
  listExports(@CurrentActor() actor: Actor) {
    return this.exports.list(actor);
  }

  @SignedIn()
  @Get('me/data-export/:id')
  async download(@CurrentActor() actor: Actor, @Param() params: IdParams, @Res({ passthrough: true }) reply: FastifyReply) {
    const file = await this.exports.open(actor, params.id);
    reply.header('Content-Type', 'application/zip');
    reply.header('Content-Disposition', `attachment; filename="${file.fileName}"`);
    if (file.sizeBytes !== null) reply.header('Content-Length', String(file.sizeBytes));
    return file.stream;
  }

  @SignedIn()
  @Post('me/erasure-request')
  @ZodResponse({ type: MyErasureRequestDto })
  requestErasure(@CurrentActor() actor: Actor, @Req() request: FastifyRequest) {
    return this.erasure.request(actor, requestMeta(request));
  }

  @SignedIn()
  @Get('me/erasure-request')
  @ZodResponse({ type: MyErasureRequestDto })
  myErasure(@CurrentActor() actor: Actor) {
    return this.erasure.mine(actor);
  }

  @SignedIn()
  @Delete('me/erasure-request')
  @HttpCode(204)
  cancelErasure(@CurrentActor() actor: Actor) {
    return this.erasure.cancel(actor);
  }

  @RequirePermission('members.confirmErasure')
  @Get('organisations/:id/erasure-requests')
  @ZodResponse({ type: PendingErasureListDto })
  pendingErasures(@CurrentActor() actor: Actor, @Param() params: IdParams) {
    return this.erasure.listForOrganisation(actor, params.id);
  }

  @RequirePermission('members.confirmErasure')
  @Post('erasure-requests/:id/confirm')
  @HttpCode(204)
  confirmErasure(@CurrentActor() actor: Actor, @Param() params: IdParams, @Req() request: FastifyRequest) {
    return this.erasure.confirm(actor, params.id, requestMeta(request));
  }
}
