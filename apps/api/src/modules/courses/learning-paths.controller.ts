import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import {
  authoringLearningPathPageSchema,
  authoringLearningPathSchema,
  learningPathCreateSchema,
  learningPathListQuerySchema,
  learningPathUpdateSchema,
} from '@tadamon/shared';
import { CurrentActor, RequirePermission } from '../../common/auth/access.decorators.js';
import type { Actor } from '../../common/auth/actor.js';
import { PathParamsDto } from './course-params.dto.js';
import { ExpectedRevision } from './if-match.js';
import { LearningPathsService } from './learning-paths.service.js';

class PathListQueryDto extends createZodDto(learningPathListQuerySchema) {}
class PathPageDto extends createZodDto(authoringLearningPathPageSchema) {}
class PathDto extends createZodDto(authoringLearningPathSchema) {}
class PathCreateDto extends createZodDto(learningPathCreateSchema) {}
class PathUpdateDto extends createZodDto(learningPathUpdateSchema) {}

/** Authoring learning paths. Changes need `If-Match: <revision>`. */
@ApiTags('course-authoring')
@Controller('course-authoring/paths')
export class LearningPathsController {
  constructor(private readonly paths: LearningPathsService) {}

  @RequirePermission('courses.manage')
  @Get()
  @ZodResponse({ type: PathPageDto })
  list(@CurrentActor() actor: Actor, @Query() query: PathListQueryDto) {
    return this.paths.list(actor, query);
  }

  @RequirePermission('courses.manage')
  @Post()
  @ZodResponse({ status: 201, type: PathDto })
  create(@CurrentActor() actor: Actor, @Body() body: PathCreateDto) {
    return this.paths.create(actor, body);
  }

  @RequirePermission('courses.manage')
  @Get(':pathId')
  @ZodResponse({ type: PathDto })
  get(@CurrentActor() actor: Actor, @Param() params: PathParamsDto) {
    return this.paths.get(actor, params.pathId);
  }

  @RequirePermission('courses.manage')
  @Patch(':pathId')
  @ZodResponse({ type: PathDto })
  update(@CurrentActor() actor: Actor, @Param() params: PathParamsDto, @ExpectedRevision() revision: number, @Body() body: PathUpdateDto) {
    return this.paths.update(actor, params.pathId, revision, body);
  }

  @RequirePermission('courses.manage')
  @Post(':pathId/publish')
  @HttpCode(200)
  @ZodResponse({ type: PathDto })
  publish(@CurrentActor() actor: Actor, @Param() params: PathParamsDto, @ExpectedRevision() revision: number) {
    return this.paths.publish(actor, params.pathId, revision);
  }

  @RequirePermission('courses.manage')
  @Post(':pathId/archive')
  @HttpCode(200)
  @ZodResponse({ type: PathDto })
  archive(@CurrentActor() actor: Actor, @Param() params: PathParamsDto, @ExpectedRevision() revision: number) {
    return this.paths.archive(actor, params.pathId, revision, true);
  }

  @RequirePermission('courses.manage')
  @Post(':pathId/unarchive')
  @HttpCode(200)
  @ZodResponse({ type: PathDto })
  unarchive(@CurrentActor() actor: Actor, @Param() params: PathParamsDto, @ExpectedRevision() revision: number) {
    return this.paths.archive(actor, params.pathId, revision, false);
  }
}
