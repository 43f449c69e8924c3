import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createZodDto } from 'nestjs-zod';
import { materialRenditionParamsSchema } from '@tadamon/shared';
import { CurrentActor, RequirePermission } from '../../common/auth/access.decorators.js';
import type { Actor } from '../../common/auth/actor.js';
import { sendStoredFile } from './file-download.js';
import { DownloadQueryDto, FileParamsDto } from './material-params.dto.js';
import { MaterialMediaService } from './material-media.service.js';
import { StorageDriver } from './storage/storage-driver.js';

class RenditionParamsDto extends createZodDto(materialRenditionParamsSchema) {}

/** A derived file never changes once made; the browser keeps it and asks with If-None-Match after a week. */
const THUMBNAIL_CACHE = 'private, max-age=604800';

@ApiTags('materials')
@Controller()
export class MaterialMediaController {
  constructor(
    private readonly media: MaterialMediaService,
    private readonly storage: StorageDriver,
  ) {}

  /** The small JPEG (≤ 320 px wide) of an image, video poster or PDF first page. */
  @RequirePermission('materials.read')
  @Get('material-files/:fileId/thumbnail')
  async thumbnail(@CurrentActor() actor: Actor, @Param() params: FileParamsDto, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const file = await this.media.thumbnail(actor, params.fileId);
    reply.header('cache-control', THUMBNAIL_CACHE);
    await sendStoredFile(request, reply, this.storage, file, false);
  }

  /** `data-saver` (~240p MP4) or `audio` (M4A) of a video, with Range and ETag like the original. */
  @RequirePermission('materials.read')
  @Get('material-files/:fileId/renditions/:rendition')
  async rendition(
    @CurrentActor() actor: Actor,
    @Param() params: RenditionParamsDto,
    @Query() query: DownloadQueryDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const file = await this.media.rendition(actor, params.fileId, params.rendition);
    await sendStoredFile(request, reply, this.storage, file, query.download === '1');
  }
}
