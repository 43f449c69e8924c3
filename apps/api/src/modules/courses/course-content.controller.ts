import { Body, Controller, Delete, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import {
  courseLanguageAddSchema,
  courseLessonCreateSchema,
  courseLessonUpdateSchema,
  courseModuleInputSchema,
  courseOrderSchema,
  courseVersionUpdateSchema,
  quizQuestionInputSchema,
} from '@tadamon/shared';
import { CurrentActor, RequirePermission } from '../../common/auth/access.decorators.js';
import type { Actor } from '../../common/auth/actor.js';
import { CourseContentService } from './course-content.service.js';
import {
  LessonParamsDto,
  ModuleParamsDto,
  QuestionParamsDto,
  VersionLanguageParamsDto,
  VersionParamsDto,
} from './course-params.dto.js';
import { CourseTreeDto } from './courses.controller.js';
import { ExpectedRevision } from './if-match.js';

class VersionUpdateDto extends createZodDto(courseVersionUpdateSchema) {}
class LanguageAddDto extends createZodDto(courseLanguageAddSchema) {}
class ModuleInputDto extends createZodDto(courseModuleInputSchema) {}
class OrderDto extends createZodDto(courseOrderSchema) {}
class LessonCreateDto extends createZodDto(courseLessonCreateSchema) {}
class LessonUpdateDto extends createZodDto(courseLessonUpdateSchema) {}
class QuestionInputDto extends createZodDto(quizQuestionInputSchema) {}

/** A draft's content. Every change needs `If-Match: <revision>` and answers the new tree. */
@ApiTags('course-authoring')
@Controller('course-authoring')
export class CourseContentController {
  constructor(private readonly content: CourseContentService) {}

  @RequirePermission('courses.manage')
  @Patch('versions/:versionId')
  @ZodResponse({ type: CourseTreeDto })
  updateVersion(@CurrentActor() actor: Actor, @Param() p: VersionParamsDto, @ExpectedRevision() revision: number, @Body() body: VersionUpdateDto) {
    return this.content.updateVersion(actor, p.versionId, revision, body);
  }

  @RequirePermission('courses.manage')
  @Post('versions/:versionId/languages')
  @ZodResponse({ status: 201, type: CourseTreeDto })
  addLanguage(@CurrentActor() actor: Actor, @Param() p: VersionParamsDto, @ExpectedRevision() revision: number, @Body() body: LanguageAddDto) {
    return this.content.addLanguage(actor, p.versionId, revision, body.language);
  }

  @RequirePermission('courses.manage')
  @Delete('versions/:versionId/languages/:language')
  @ZodResponse({ type: CourseTreeDto })
  removeLanguage(@CurrentActor() actor: Actor, @Param() p: VersionLanguageParamsDto, @ExpectedRevision() revision: number) {
    return this.content.removeLanguage(actor, p.versionId, revision, p.language);
  }

  @RequirePermission('courses.manage')
  @Post('versions/:versionId/modules')
  @ZodResponse({ status: 201, type: CourseTreeDto })
  addModule(@CurrentActor() actor: Actor, @Param() p: VersionParamsDto, @ExpectedRevision() revision: number, @Body() body: ModuleInputDto) {
    return this.content.addModule(actor, p.versionId, revision, body.titles);
  }

  @RequirePermission('courses.manage')
  @Put('versions/:versionId/module-order')
  @ZodResponse({ type: CourseTreeDto })
  reorderModules(@CurrentActor() actor: Actor, @Param() p: VersionParamsDto, @ExpectedRevision() revision: number, @Body() body: OrderDto) {
    return this.content.reorderModules(actor, p.versionId, revision, body.ids);
  }

  @RequirePermission('courses.manage')
  @Patch('modules/:moduleId')
  @ZodResponse({ type: CourseTreeDto })
  updateModule(@CurrentActor() actor: Actor, @Param() p: ModuleParamsDto, @ExpectedRevision() revision: number, @Body() body: ModuleInputDto) {
    return this.content.updateModule(actor, p.moduleId, revision, body.titles);
  }

  @RequirePermission('courses.manage')
  @Delete('modules/:moduleId')
  @ZodResponse({ type: CourseTreeDto })
  deleteModule(@CurrentActor() actor: Actor, @Param() p: ModuleParamsDto, @ExpectedRevision() revision: number) {
    return this.content.deleteModule(actor, p.moduleId, revision);
  }

  @RequirePermission('courses.manage')
  @Post('modules/:moduleId/lessons')
  @ZodResponse({ status: 201, type: CourseTreeDto })
  addLesson(@CurrentActor() actor: Actor, @Param() p: ModuleParamsDto, @ExpectedRevision() revision: number, @Body() body: LessonCreateDto) {
    return this.content.addLesson(actor, p.moduleId, revision, body);
  }

  @RequirePermission('courses.manage')
  @Put('modules/:moduleId/lesson-order')
  @ZodResponse({ type: CourseTreeDto })
  reorderLessons(@CurrentActor() actor: Actor, @Param() p: ModuleParamsDto, @ExpectedRevision() revision: number, @Body() body: OrderDto) {
    return this.content.reorderLessons(actor, p.moduleId, revision, body.ids);
  }

  @RequirePermission('courses.manage')
  @Patch('lessons/:lessonId')
  @ZodResponse({ type: CourseTreeDto })
  updateLesson(@CurrentActor() actor: Actor, @Param() p: LessonParamsDto, @ExpectedRevision() revision: number, @Body() body: LessonUpdateDto) {
    return this.content.updateLesson(actor, p.lessonId, revision, body);
  }

  @RequirePermission('courses.manage')
  @Delete('lessons/:lessonId')
  @ZodResponse({ type: CourseTreeDto })
  deleteLesson(@CurrentActor() actor: Actor, @Param() p: LessonParamsDto, @ExpectedRevision() revision: number) {
    return this.content.deleteLesson(actor, p.lessonId, revision);
  }

  @RequirePermission('courses.manage')
  @Post('versions/:versionId/questions')
  @ZodResponse({ status: 201, type: CourseTreeDto })
  addQuestion(@CurrentActor() actor: Actor, @Param() p: VersionParamsDto, @ExpectedRevision() revision: number, @Body() body: QuestionInputDto) {
    return this.content.addQuestion(actor, p.versionId, revision, body);
  }

  @RequirePermission('courses.manage')
  @Put('questions/:questionId')
  @ZodResponse({ type: CourseTreeDto })
  updateQuestion(@CurrentActor() actor: Actor, @Param() p: QuestionParamsDto, @ExpectedRevision() revision: number, @Body() body: QuestionInputDto) {
    return this.content.updateQuestion(actor, p.questionId, revision, body);
  }

  @RequirePermission('courses.manage')
  @Delete('questions/:questionId')
  @ZodResponse({ type: CourseTreeDto })
  deleteQuestion(@CurrentActor() actor: Actor, @Param() p: QuestionParamsDto, @ExpectedRevision() revision: number) {
    return this.content.deleteQuestion(actor, p.questionId, revision);
  }
}
