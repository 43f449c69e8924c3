import { Controller, Delete, Get, Head, HttpCode, Options, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { materialDetailSchema, materialFileListSchema } from '@tadamon/shared';
import { CurrentActor, Public, RequirePermission } from '../../common/auth/access.decorators.js';
import type { Actor } from '../../common/auth/actor.js';
import { sendStoredFile } from './file-download.js';
import { DownloadQueryDto, FileParamsDto, FileVersionParamsDto, TranslationParamsDto } from './material-params.dto.js';
import { MaterialFilesService } from './material-files.service.js';
import { StorageDriver } from './storage/storage-driver.js';
import { UploadsService } from './uploads.service.js';

class FileListDto extends createZodDto(materialFileListSchema) {}
class MaterialDetailDto extends createZodDto(materialDetailSchema) {}

@ApiTags('materials')
@Controller()
export class MaterialFilesController {
  constructor(
    private readonly files: MaterialFilesService,
    private readonly uploads: UploadsService,
    private readonly storage: StorageDriver,
  ) {}

  @RequirePermission('materials.manage')
  @Get('materials/:id/translations/:translationId/files')
  @ZodResponse({ type: FileListDto })
  history(@CurrentActor() actor: Actor, @Param() params: TranslationParamsDto) {
    return this.files.history(actor, params.id, params.translationId);
  }

  @RequirePermission('materials.manage')
  @Post('materials/:id/translations/:translationId/files/:fileId/restore')
  @ZodResponse({ status: 201, type: MaterialDetailDto })
  restore(@CurrentActor() actor: Actor, @Param() params: FileVersionParamsDto) {
    return this.files.restore(actor, params.id, params.translationId, params.fileId);
  }

  /** The file itself, streamed (Range, ETag); `?download=1` always as an attachment. */
  @RequirePermission('materials.read')
  @Get('material-files/:fileId/content')
  async content(
    @CurrentActor() actor: Actor,
    @Param() params: FileParamsDto,
    @Query() query: DownloadQueryDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const file = await this.files.downloadable(actor, params.fileId);
    await sendStoredFile(request, reply, this.storage, file, query.download === '1');
  }

  /**
   * The tus endpoints (create, resume, ask the offset, cancel). The session and CSRF guards
   * have already run; tus takes the raw request from here (its hooks check the language
   * version and the upload's owner).
   */
  @RequirePermission('materials.manage')
  @Post('uploads')
  create(@CurrentActor() actor: Actor, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.tus(actor, request, reply);
  }

  @RequirePermission('materials.manage')
  @Patch('uploads/:uploadId')
  append(@CurrentActor() actor: Actor, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.tus(actor, request, reply);
  }

  @RequirePermission('materials.manage')
  @Head('uploads/:uploadId')
  offset(@CurrentActor() actor: Actor, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.tus(actor, request, reply);
  }

  @RequirePermission('materials.manage')
  @Delete('uploads/:uploadId')
  cancel(@CurrentActor() actor: Actor, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.tus(actor, request, reply);
  }

  /** tus discovery: the protocol version, extensions and size limit (nothing private). */
  @Public()
  @Options(['uploads', 'uploads/:uploadId'])
  @HttpCode(204)
  discovery(@Res({ passthrough: true }) reply: FastifyReply) {
    reply.headers(this.uploads.discovery());
  }

  private async tus(actor: Actor, request: FastifyRequest, reply: FastifyReply) {
    reply.hijack();
    await this.uploads.handle(request.raw, reply.raw, { actor, requestId: String(request.id) });
  }
}
