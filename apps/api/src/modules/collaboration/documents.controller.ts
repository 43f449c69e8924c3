import { Body, Controller, Get, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { z } from 'zod';
import {
  diffQuerySchema,
  documentCreateSchema,
  documentDetailSchema,
  documentSummarySchema,
  revisionDiffSchema,
  revisionSummarySchema,
  signatoriesAddSchema,
  signatureDecisionSchema,
  statusChangeSchema,
  versionSaveSchema,
} from '@tadamon/shared';
import { CurrentActor, RequirePermission } from '../../common/auth/access.decorators.js';
import type { Actor } from '../../common/auth/actor.js';
import { IdParamsDto, SignatoryParamsDto, VersionParamsDto } from './collaboration-params.dto.js';
import { DocumentStream } from './document-stream.js';
import { DocumentsService } from './documents.service.js';
import { SignaturesService } from './signatures.service.js';

class DocumentCreateDto extends createZodDto(documentCreateSchema) {}
class VersionSaveDto extends createZodDto(versionSaveSchema) {}
class StatusChangeDto extends createZodDto(statusChangeSchema) {}
class SignatoriesAddDto extends createZodDto(signatoriesAddSchema) {}
class SignatureDecisionDto extends createZodDto(signatureDecisionSchema) {}
class DiffQueryDto extends createZodDto(diffQuerySchema) {}
class DocumentListDto extends createZodDto(z.object({ items: z.array(documentSummarySchema) })) {}
class DocumentDetailDto extends createZodDto(documentDetailSchema) {}
class DocumentRevisionListDto extends createZodDto(z.object({ items: z.array(revisionSummarySchema) })) {}
class RevisionDiffDto extends createZodDto(revisionDiffSchema) {}

@ApiTags('collaboration')
@Controller()
export class DocumentsController {
  constructor(
    private readonly documents: DocumentsService,
    private readonly signatures: SignaturesService,
    private readonly stream: DocumentStream,
  ) {}

  @RequirePermission('collaboration.participate')
  @Get('groups/:id/documents')
  @ZodResponse({ type: DocumentListDto })
  list(@CurrentActor() actor: Actor, @Param() params: IdParamsDto) {
    return this.documents.list(actor, params.id);
  }

  @RequirePermission('documents.edit')
  @Post('groups/:id/documents')
  @ZodResponse({ type: DocumentDetailDto, status: 201 })
  create(@CurrentActor() actor: Actor, @Param() params: IdParamsDto, @Body() body: DocumentCreateDto) {
    return this.documents.create(actor, params.id, body);
  }

  @RequirePermission('collaboration.participate')
  @Get('documents/:id')
  @ZodResponse({ type: DocumentDetailDto })
  get(@CurrentActor() actor: Actor, @Param() params: IdParamsDto) {
    return this.documents.get(actor, params.id);
  }

  /** Saves one language version; 409 CONFLICT when `baseRevision` is stale. */
  @RequirePermission('documents.edit')
  @Put('documents/:id/versions/:language')
  @ZodResponse({ type: DocumentDetailDto })
  save(@CurrentActor() actor: Actor, @Param() params: VersionParamsDto, @Body() body: VersionSaveDto) {
    return this.documents.saveVersion(actor, params.id, params.language, body);
  }

  @RequirePermission('collaboration.participate')
  @Get('documents/:id/versions/:language/revisions')
  @ZodResponse({ type: DocumentRevisionListDto })
  revisions(@CurrentActor() actor: Actor, @Param() params: VersionParamsDto) {
    return this.documents.revisions(actor, params.id, params.language);
  }

  @RequirePermission('collaboration.participate')
  @Get('documents/:id/versions/:language/diff')
  @ZodResponse({ type: RevisionDiffDto })
  diff(@CurrentActor() actor: Actor, @Param() params: VersionParamsDto, @Query() query: DiffQueryDto) {
    return this.documents.diff(actor, params.id, params.language, query.from, query.to);
  }

  @RequirePermission('documents.edit')
  @Post('documents/:id/status')
  @ZodResponse({ type: DocumentDetailDto, status: 200 })
  changeStatus(@CurrentActor() actor: Actor, @Param() params: IdParamsDto, @Body() body: StatusChangeDto) {
    return this.documents.changeStatus(actor, params.id, body.status);
  }

  @RequirePermission('documents.edit')
  @Post('documents/:id/signatories')
  @ZodResponse({ type: DocumentDetailDto, status: 200 })
  invite(@CurrentActor() actor: Actor, @Param() params: IdParamsDto, @Body() body: SignatoriesAddDto) {
    return this.signatures.invite(actor, params.id, body.organisationIds);
  }

  @RequirePermission('documents.sign')
  @Post('documents/:id/signatories/:organisationId/decision')
  @ZodResponse({ type: DocumentDetailDto, status: 200 })
  decide(@CurrentActor() actor: Actor, @Param() params: SignatoryParamsDto, @Body() body: SignatureDecisionDto) {
    return this.signatures.decide(actor, params.id, params.organisationId, body.decision);
  }

  @RequirePermission('collaboration.participate')
  @Get('documents/:id/versions/:language/pdf')
  async pdf(@CurrentActor() actor: Actor, @Param() params: VersionParamsDto, @Res() reply: FastifyReply) {
    const { filename, content } = await this.signatures.pdf(actor, params.id, params.language);
    await reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="${filename}"`)
      .header('cache-control', 'private, no-store')
      .send(content);
  }

  /** Server-sent events: `ready` once listening, then `changed` whenever the document moves. */
  @RequirePermission('collaboration.participate')
  @Get('documents/:id/events')
  events(@CurrentActor() actor: Actor, @Param() params: IdParamsDto, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.stream.open(actor, params.id, request, reply);
  }
}
