import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { materialDetailSchema, materialPageSchema, publicMaterialListQuerySchema, publicMaterialQuerySchema } from '@tadamon/shared';
import { Public } from '../../common/auth/access.decorators.js';
import { sendEncodedJson } from '../../common/http/encoded-json.js';
import { sendStoredFile } from './file-download.js';
import { DownloadQueryDto, FileParamsDto, MaterialParamsDto } from './material-params.dto.js';
import { PublicMaterialsService } from './public-materials.service.js';
import { StorageDriver } from './storage/storage-driver.js';

class PublicListQueryDto extends createZodDto(publicMaterialListQuerySchema) {}
class PublicMaterialQueryDto extends createZodDto(publicMaterialQuerySchema) {}
class MaterialPageDto extends createZodDto(materialPageSchema) {}
class MaterialDetailDto extends createZodDto(materialDetailSchema) {}

/** Public material for visitors who are not signed in; the service scopes every answer. */
@ApiTags('materials')
@Controller('public')
export class PublicMaterialsController {
  constructor(
    private readonly materials: PublicMaterialsService,
    private readonly storage: StorageDriver,
  ) {}

  @Public()
  @Get('materials')
  @ApiOkResponse({ type: MaterialPageDto })
  async list(@Query() query: PublicListQueryDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    // Pages come serialised from the library cache (checked against the schema when made).
    return sendEncodedJson(request, reply, await this.materials.list(query));
  }

  @Public()
  @Get('materials/:id')
  @ZodResponse({ type: MaterialDetailDto })
  get(@Param() params: MaterialParamsDto, @Query() query: PublicMaterialQueryDto) {
    return this.materials.get(params.id, query.lang);
  }

  @Public()
  @Get('material-files/:fileId/content')
  async content(
    @Param() params: FileParamsDto,
    @Query() query: DownloadQueryDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const file = await this.materials.downloadable(params.fileId);
    await sendStoredFile(request, reply, this.storage, file, query.download === '1');
  }
}
