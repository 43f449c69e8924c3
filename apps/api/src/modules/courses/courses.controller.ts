import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import {
  authoringCourseListQuerySchema,
  authoringCoursePageSchema,
  courseCreateSchema,
  courseSettingsUpdateSchema,
  courseVersionTreeSchema,
  markdownPreviewResultSchema,
  markdownPreviewSchema,
} from '@tadamon/shared';
import { CurrentActor, RequirePermission } from '../../common/auth/access.decorators.js';
import type { Actor } from '../../common/auth/actor.js';
import { CoursePrerequisitesService } from './course-prerequisites.service.js';
import { CourseParamsDto, PrerequisiteParamsDto, VersionParamsDto } from './course-params.dto.js';
import { CoursesService } from './courses.service.js';
import { ExpectedRevision } from './if-match.js';

class ListQueryDto extends createZodDto(authoringCourseListQuerySchema) {}
class CoursePageDto extends createZodDto(authoringCoursePageSchema) {}
class CourseCreateDto extends createZodDto(courseCreateSchema) {}
class CourseSettingsDto extends createZodDto(courseSettingsUpdateSchema) {}
export class CourseTreeDto extends createZodDto(courseVersionTreeSchema) {}
class PreviewDto extends createZodDto(markdownPreviewSchema) {}
class PreviewResultDto extends createZodDto(markdownPreviewResultSchema) {}

/** Course authoring: the course, its versions and their life cycle. Changes need `If-Match: <revision>`. */
@ApiTags('course-authoring')
@Controller('course-authoring')
export class CoursesController {
  constructor(
    private readonly courses: CoursesService,
    private readonly prerequisites: CoursePrerequisitesService,
  ) {}

  @RequirePermission('courses.manage')
  @Get('courses')
  @ZodResponse({ type: CoursePageDto })
  list(@CurrentActor() actor: Actor, @Query() query: ListQueryDto) {
    return this.courses.list(actor, query);
  }

  @RequirePermission('courses.manage')
  @Post('courses')
  @ZodResponse({ status: 201, type: CourseTreeDto })
  create(@CurrentActor() actor: Actor, @Body() body: CourseCreateDto) {
    return this.courses.create(actor, body);
  }

  @RequirePermission('courses.manage')
  @Get('courses/:courseId')
  @ZodResponse({ type: CourseTreeDto })
  get(@CurrentActor() actor: Actor, @Param() params: CourseParamsDto) {
    return this.courses.get(actor, params.courseId);
  }

  @RequirePermission('courses.manage')
  @Patch('courses/:courseId')
  @ZodResponse({ type: CourseTreeDto })
  updateSettings(
    @CurrentActor() actor: Actor,
    @Param() params: CourseParamsDto,
    @ExpectedRevision() revision: number,
    @Body() body: CourseSettingsDto,
  ) {
    return this.courses.updateSettings(actor, params.courseId, revision, body);
  }

  @RequirePermission('courses.manage')
  @Post('courses/:courseId/versions')
  @ZodResponse({ status: 201, type: CourseTreeDto })
  newDraft(@CurrentActor() actor: Actor, @Param() params: CourseParamsDto, @ExpectedRevision() revision: number) {
    return this.courses.newDraft(actor, params.courseId, revision);
  }

  @RequirePermission('courses.manage')
  @Post('courses/:courseId/archive')
  @HttpCode(200)
  @ZodResponse({ type: CourseTreeDto })
  archive(@CurrentActor() actor: Actor, @Param() params: CourseParamsDto, @ExpectedRevision() revision: number) {
    return this.courses.archive(actor, params.courseId, revision);
  }

  @RequirePermission('courses.manage')
  @Post('courses/:courseId/unarchive')
  @HttpCode(200)
  @ZodResponse({ type: CourseTreeDto })
  unarchive(@CurrentActor() actor: Actor, @Param() params: CourseParamsDto, @ExpectedRevision() revision: number) {
    return this.courses.unarchive(actor, params.courseId, revision);
  }

  @RequirePermission('courses.manage')
  @Put('courses/:courseId/prerequisites/:requiredCourseId')
  @ZodResponse({ type: CourseTreeDto })
  addPrerequisite(@CurrentActor() actor: Actor, @Param() params: PrerequisiteParamsDto) {
    return this.prerequisites.add(actor, params.courseId, params.requiredCourseId);
  }

  @RequirePermission('courses.manage')
  @Delete('courses/:courseId/prerequisites/:requiredCourseId')
  @ZodResponse({ type: CourseTreeDto })
  removePrerequisite(@CurrentActor() actor: Actor, @Param() params: PrerequisiteParamsDto) {
    return this.prerequisites.remove(actor, params.courseId, params.requiredCourseId);
  }

  @RequirePermission('courses.manage')
  @Get('versions/:versionId')
  @ZodResponse({ type: CourseTreeDto })
  version(@CurrentActor() actor: Actor, @Param() params: VersionParamsDto) {
    return this.courses.version(actor, params.versionId);
  }

  @RequirePermission('courses.manage')
  @Post('versions/:versionId/publish')
  @HttpCode(200)
  @ZodResponse({ type: CourseTreeDto })
  publish(@CurrentActor() actor: Actor, @Param() params: VersionParamsDto, @ExpectedRevision() revision: number) {
    return this.courses.publish(actor, params.versionId, revision);
  }

  @RequirePermission('courses.manage')
  @Delete('versions/:versionId')
  @ZodResponse({ type: CourseTreeDto })
  discardDraft(@CurrentActor() actor: Actor, @Param() params: VersionParamsDto, @ExpectedRevision() revision: number) {
    return this.courses.discardDraft(actor, params.versionId, revision);
  }

  /** Renders lesson Markdown exactly as learners will see it (sanitised HTML). */
  @RequirePermission('courses.manage')
  @Post('markdown-preview')
  @HttpCode(200)
  @ZodResponse({ type: PreviewResultDto })
  preview(@Body() body: PreviewDto) {
    return this.courses.preview(body.markdown);
  }
}
