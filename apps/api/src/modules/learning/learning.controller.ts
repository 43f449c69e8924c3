import { Body, Controller, Delete, Get, Headers, HttpCode, Ip, Param, Post, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { z } from 'zod';
import {
  catalogueQuerySchema,
  cataloguePageSchema,
  learnerCourseSchema,
  learnerPathListSchema,
  learnerPathSchema,
  lessonViewSchema,
  myLearningSchema,
  offlinePackageQuerySchema,
  offlinePackageSchema,
  progressEventSchema,
  progressResultSchema,
  quizAttemptViewSchema,
  quizResultSchema,
  quizSubmissionSchema,
  signOffCreateSchema,
  signOffListSchema,
  syncRequestSchema,
  syncResponseSchema,
  signOffQueueSchema,
  uuidSchema,
} from '@tadamon/shared';
import { CurrentActor, RequirePermission } from '../../common/auth/access.decorators.js';
import type { Actor } from '../../common/auth/actor.js';
import { CatalogueService } from './catalogue.service.js';
import { EnrolmentService } from './enrolment.service.js';
import { LearningSyncService } from './learning-sync.service.js';
import { OfflinePackageService } from './offline-package.service.js';
import { LearnerPathsService } from './learner-paths.service.js';
import { LessonPlayerService } from './lesson-player.service.js';
import { PracticalService } from './practical.service.js';
import { QuizService } from './quiz.service.js';

class CatalogueQueryDto extends createZodDto(catalogueQuerySchema) {}
class CataloguePageDto extends createZodDto(cataloguePageSchema) {}
class LearnerCourseDto extends createZodDto(learnerCourseSchema) {}
class EnrolmentDto extends createZodDto(z.object({ enrolmentId: uuidSchema })) {}
class LessonViewDto extends createZodDto(lessonViewSchema) {}
class ProgressEventDto extends createZodDto(progressEventSchema) {}
class ProgressResultDto extends createZodDto(progressResultSchema) {}
class QuizAttemptDto extends createZodDto(quizAttemptViewSchema) {}
class QuizSubmissionDto extends createZodDto(quizSubmissionSchema) {}
class QuizResultDto extends createZodDto(quizResultSchema) {}
class SignOffCreateDto extends createZodDto(signOffCreateSchema) {}
class SignOffListDto extends createZodDto(signOffListSchema) {}
class SignOffQueueDto extends createZodDto(signOffQueueSchema) {}
class LearnerPathListDto extends createZodDto(learnerPathListSchema) {}
class LearnerPathDto extends createZodDto(learnerPathSchema) {}
class MyLearningDto extends createZodDto(myLearningSchema) {}
class OfflinePackageDto extends createZodDto(offlinePackageSchema) {}
class OfflinePackageQueryDto extends createZodDto(offlinePackageQuerySchema) {}
class SyncRequestDto extends createZodDto(syncRequestSchema) {}
class SyncResponseDto extends createZodDto(syncResponseSchema) {}
class CourseParams extends createZodDto(z.strictObject({ id: uuidSchema })) {}
class LessonParams extends createZodDto(z.strictObject({ id: uuidSchema, lessonId: uuidSchema })) {}
class AttemptParams extends createZodDto(z.strictObject({ id: uuidSchema, attemptId: uuidSchema })) {}

/**
 * The learner's routes. Lessons, progress and quizzes are addressed through the caller's
 * enrolment (`/learning/enrolments/:id/…`): someone else's enrolment answers 404.
 */
@ApiTags('learning')
@Controller()
export class LearningController {
  constructor(
    private readonly catalogue: CatalogueService,
    private readonly enrolments: EnrolmentService,
    private readonly player: LessonPlayerService,
    private readonly quizzes: QuizService,
    private readonly practicals: PracticalService,
    private readonly offline: OfflinePackageService,
    private readonly syncing: LearningSyncService,
    private readonly paths: LearnerPathsService,
  ) {}

  @RequirePermission('courses.learn')
  @Get('learning/catalogue')
  @ZodResponse({ type: CataloguePageDto })
  list(@CurrentActor() actor: Actor, @Query() query: CatalogueQueryDto) {
    return this.catalogue.list(actor, query);
  }

  @RequirePermission('courses.learn')
  @Get('learning/courses/:id')
  @ZodResponse({ type: LearnerCourseDto })
  course(@CurrentActor() actor: Actor, @Param() params: CourseParams) {
    return this.catalogue.course(actor, params.id);
  }

  @RequirePermission('courses.learn')
  @Post('learning/courses/:id/enrolment')
  @HttpCode(200)
  @ZodResponse({ type: EnrolmentDto, status: 200 })
  enrol(@CurrentActor() actor: Actor, @Param() params: CourseParams) {
    return this.enrolments.enrol(actor, params.id);
  }

  @RequirePermission('courses.learn')
  @Delete('learning/courses/:id/enrolment')
  @HttpCode(204)
  withdraw(@CurrentActor() actor: Actor, @Param() params: CourseParams) {
    return this.enrolments.withdraw(actor, params.id);
  }

  @RequirePermission('courses.learn')
  @Get('learning/paths')
  @ZodResponse({ type: LearnerPathListDto })
  learningPaths(@CurrentActor() actor: Actor) {
    return this.paths.list(actor);
  }

  @RequirePermission('courses.learn')
  @Get('learning/paths/:id')
  @ZodResponse({ type: LearnerPathDto })
  learningPath(@CurrentActor() actor: Actor, @Param() params: CourseParams) {
    return this.paths.get(actor, params.id);
  }

  @RequirePermission('courses.learn')
  @Get('me/learning')
  @ZodResponse({ type: MyLearningDto })
  myLearning(@CurrentActor() actor: Actor) {
    return this.enrolments.myLearning(actor);
  }

  @RequirePermission('courses.learn')
  @Get('learning/enrolments/:id/lessons/:lessonId')
  @ZodResponse({ type: LessonViewDto })
  lesson(@CurrentActor() actor: Actor, @Param() params: LessonParams) {
    return this.player.get(actor, params.id, params.lessonId);
  }

  @RequirePermission('courses.learn')
  @Post('learning/enrolments/:id/lessons/:lessonId/progress')
  @HttpCode(200)
  @ZodResponse({ type: ProgressResultDto, status: 200 })
  progress(@CurrentActor() actor: Actor, @Param() params: LessonParams, @Body() body: ProgressEventDto) {
    return this.player.record(actor, params.id, params.lessonId, body);
  }

  @RequirePermission('courses.learn')
  @Post('learning/enrolments/:id/lessons/:lessonId/attempts')
  @ZodResponse({ type: QuizAttemptDto, status: 201 })
  startAttempt(@CurrentActor() actor: Actor, @Param() params: LessonParams) {
    return this.quizzes.start(actor, params.id, params.lessonId);
  }

  @RequirePermission('courses.learn')
  @Get('learning/enrolments/:id/attempts/:attemptId')
  @ZodResponse({ type: QuizAttemptDto })
  attempt(@CurrentActor() actor: Actor, @Param() params: AttemptParams) {
    return this.quizzes.attempt(actor, params.id, params.attemptId);
  }

  @RequirePermission('courses.learn')
  @Post('learning/enrolments/:id/attempts/:attemptId/submission')
  @HttpCode(200)
  @ZodResponse({ type: QuizResultDto, status: 200 })
  submit(@CurrentActor() actor: Actor, @Param() params: AttemptParams, @Body() body: QuizSubmissionDto) {
    return this.quizzes.submit(actor, params.id, params.attemptId, body);
  }

  @RequirePermission('courses.learn')
  @Get('learning/enrolments/:id/attempts/:attemptId/result')
  @ZodResponse({ type: QuizResultDto })
  result(@CurrentActor() actor: Actor, @Param() params: AttemptParams) {
    return this.quizzes.result(actor, params.id, params.attemptId);
  }

  @RequirePermission('courses.assess')
  @Get('learning/sign-off-queue')
  @ZodResponse({ type: SignOffQueueDto })
  signOffQueue(@CurrentActor() actor: Actor) {
    return this.practicals.queue(actor);
  }

  @RequirePermission('courses.assess')
  @Post('learning/enrolments/:id/lessons/:lessonId/sign-offs')
  @ZodResponse({ type: SignOffListDto, status: 201 })
  signOff(@CurrentActor() actor: Actor, @Param() params: LessonParams, @Body() body: SignOffCreateDto, @Ip() ip: string) {
    return this.practicals.record(actor, params.id, params.lessonId, body, ip);
  }

  @RequirePermission('courses.learn')
  @Get('learning/enrolments/:id/lessons/:lessonId/sign-offs')
  @ZodResponse({ type: SignOffListDto })
  signOffs(@CurrentActor() actor: Actor, @Param() params: LessonParams) {
    return this.practicals.list(actor, params.id, params.lessonId);
  }

  /**
   * The course as saved for offline use. Its ETag is the content hash: the device asks with
   * If-None-Match and an unchanged course answers 304 with no body.
   */
  @RequirePermission('courses.learn')
  @Get('learning/courses/:id/offline-package')
  @ApiOkResponse({ type: OfflinePackageDto })
  async offlinePackage(
    @CurrentActor() actor: Actor,
    @Param() params: CourseParams,
    @Query() query: OfflinePackageQueryDto,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const body = await this.offline.package(actor, params.id, query.known);
    const etag = `"${body.contentHash}"`;
    reply.header('etag', etag).header('cache-control', 'private, no-cache');
    if (ifNoneMatch === etag) return reply.status(304).send();
    return offlinePackageSchema.parse(body);
  }

  @RequirePermission('courses.learn')
  @Post('learning/sync')
  @HttpCode(200)
  @ZodResponse({ type: SyncResponseDto, status: 200 })
  sync(@CurrentActor() actor: Actor, @Body() body: SyncRequestDto) {
    return this.syncing.sync(actor, body);
  }
}
