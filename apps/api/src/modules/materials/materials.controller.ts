import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import {
  materialCreateSchema,
  materialDetailSchema,
  materialListQuerySchema,
  materialPageSchema,
  materialTopicCreateSchema,
  materialTopicListSchema,
  materialTopicSchema,
  materialTopicUpdateSchema,
  materialTranslationInputSchema,
  materialUpdateSchema,
} from '@tadamon/shared';
import { CurrentActor, RequirePermission } from '../../common/auth/access.decorators.js';
import type { Actor } from '../../common/auth/actor.js';
import { sendEncodedJson } from '../../common/http/encoded-json.js';
import { MaterialParamsDto, NetworkParamsDto, TopicParamsDto, TopicQueryDto } from './material-params.dto.js';
import { MaterialsService } from './materials.service.js';

class MaterialListQueryDto extends createZodDto(materialListQuerySchema) {}
class MaterialPageDto extends createZodDto(materialPageSchema) {}
class MaterialDetailDto extends createZodDto(materialDetailSchema) {}
class MaterialCreateDto extends createZodDto(materialCreateSchema) {}
class MaterialUpdateDto extends createZodDto(materialUpdateSchema) {}
class TranslationInputDto extends createZodDto(materialTranslationInputSchema) {}
class TopicListDto extends createZodDto(materialTopicListSchema) {}
class TopicDto extends createZodDto(materialTopicSchema) {}
class TopicCreateDto extends createZodDto(materialTopicCreateSchema) {}
class TopicUpdateDto extends createZodDto(materialTopicUpdateSchema) {}

@ApiTags('materials')
@Controller()
export class MaterialsController {
  constructor(private readonly materials: MaterialsService) {}

  @RequirePermission('materials.read')
  @Get('materials')
  @ApiOkResponse({ type: MaterialPageDto })
  async list(
    @CurrentActor() actor: Actor,
    @Query() query: MaterialListQueryDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    // Pages come serialised from the library cache (checked against the schema when made).
    return sendEncodedJson(request, reply, await this.materials.list(actor, query));
  }

  @RequirePermission('materials.read')
  @Get('material-topics')
  @ZodResponse({ type: TopicListDto })
  topics(@CurrentActor() actor: Actor, @Query() query: TopicQueryDto) {
    return this.materials.topics(actor, query.networkId, query.includeArchived === '1');
  }

  @RequirePermission('materials.manageTopics')
  @Post('networks/:networkId/material-topics')
  @ZodResponse({ status: 201, type: TopicDto })
  createTopic(@CurrentActor() actor: Actor, @Param() params: NetworkParamsDto, @Body() body: TopicCreateDto) {
    return this.materials.createTopic(actor, params.networkId, body.name);
  }

  @RequirePermission('materials.manageTopics')
  @Patch('networks/:networkId/material-topics/:topicId')
  @ZodResponse({ type: TopicDto })
  updateTopic(@CurrentActor() actor: Actor, @Param() params: TopicParamsDto, @Body() body: TopicUpdateDto) {
    return this.materials.updateTopic(actor, params.networkId, params.topicId, body);
  }

  @RequirePermission('materials.read')
  @Get('materials/:id')
  @ZodResponse({ type: MaterialDetailDto })
  get(@CurrentActor() actor: Actor, @Param() params: MaterialParamsDto) {
    return this.materials.get(actor, params.id);
  }

  @RequirePermission('materials.manage')
  @Post('materials')
  @ZodResponse({ status: 201, type: MaterialDetailDto })
  create(@CurrentActor() actor: Actor, @Body() body: MaterialCreateDto) {
    return this.materials.create(actor, body);
  }

  @RequirePermission('materials.manage')
  @Patch('materials/:id')
  @ZodResponse({ type: MaterialDetailDto })
  update(@CurrentActor() actor: Actor, @Param() params: MaterialParamsDto, @Body() body: MaterialUpdateDto) {
    return this.materials.update(actor, params.id, body);
  }

  @RequirePermission('materials.manage')
  @Delete('materials/:id')
  @HttpCode(204)
  async remove(@CurrentActor() actor: Actor, @Param() params: MaterialParamsDto) {
    await this.materials.remove(actor, params.id);
  }

  @RequirePermission('materials.manage')
  @Post('materials/:id/translations')
  @ZodResponse({ status: 201, type: MaterialDetailDto })
  addTranslation(@CurrentActor() actor: Actor, @Param() params: MaterialParamsDto, @Body() body: TranslationInputDto) {
    return this.materials.addTranslation(actor, params.id, body);
  }
}
