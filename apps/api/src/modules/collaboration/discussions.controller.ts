import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { z } from 'zod';
import {
  moderationSchema,
  postCreateSchema,
  postEditSchema,
  postRevisionSchema,
  reportCreateSchema,
  threadCreateSchema,
  threadDetailSchema,
  threadSummarySchema,
} from '@tadamon/shared';
import { CurrentActor, RequirePermission } from '../../common/auth/access.decorators.js';
import type { Actor } from '../../common/auth/actor.js';
import { IdParamsDto } from './collaboration-params.dto.js';
import { DiscussionsService } from './discussions.service.js';

class ThreadCreateDto extends createZodDto(threadCreateSchema) {}
class PostCreateDto extends createZodDto(postCreateSchema) {}
class PostEditDto extends createZodDto(postEditSchema) {}
class ReportDto extends createZodDto(reportCreateSchema) {}
class ModerationDto extends createZodDto(moderationSchema) {}
class ThreadQueryDto extends createZodDto(z.strictObject({ q: z.string().trim().max(100).optional() })) {}
class ThreadListDto extends createZodDto(z.object({ items: z.array(threadSummarySchema) })) {}
class ThreadDetailDto extends createZodDto(threadDetailSchema) {}
class PostRevisionListDto extends createZodDto(z.object({ items: z.array(postRevisionSchema) })) {}

@ApiTags('collaboration')
@Controller()
export class DiscussionsController {
  constructor(private readonly discussions: DiscussionsService) {}

  @RequirePermission('collaboration.participate')
  @Get('groups/:id/threads')
  @ZodResponse({ type: ThreadListDto })
  list(@CurrentActor() actor: Actor, @Param() params: IdParamsDto, @Query() query: ThreadQueryDto) {
    return this.discussions.listThreads(actor, params.id, query.q);
  }

  @RequirePermission('collaboration.participate')
  @Post('groups/:id/threads')
  @ZodResponse({ type: ThreadDetailDto, status: 201 })
  create(@CurrentActor() actor: Actor, @Param() params: IdParamsDto, @Body() body: ThreadCreateDto) {
    return this.discussions.createThread(actor, params.id, body);
  }

  @RequirePermission('collaboration.participate')
  @Get('threads/:id')
  @ZodResponse({ type: ThreadDetailDto })
  get(@CurrentActor() actor: Actor, @Param() params: IdParamsDto) {
    return this.discussions.getThread(actor, params.id);
  }

  @RequirePermission('collaboration.participate')
  @Post('threads/:id/posts')
  @ZodResponse({ type: ThreadDetailDto, status: 201 })
  reply(@CurrentActor() actor: Actor, @Param() params: IdParamsDto, @Body() body: PostCreateDto) {
    return this.discussions.reply(actor, params.id, body);
  }

  @RequirePermission('collaboration.participate')
  @Patch('threads/:id/moderation')
  @ZodResponse({ type: ThreadDetailDto })
  moderateThread(@CurrentActor() actor: Actor, @Param() params: IdParamsDto, @Body() body: ModerationDto) {
    return this.discussions.moderateThread(actor, params.id, body);
  }

  @RequirePermission('collaboration.participate')
  @Patch('posts/:id')
  @ZodResponse({ type: ThreadDetailDto })
  edit(@CurrentActor() actor: Actor, @Param() params: IdParamsDto, @Body() body: PostEditDto) {
    return this.discussions.editPost(actor, params.id, body.body);
  }

  @RequirePermission('collaboration.participate')
  @Get('posts/:id/revisions')
  @ZodResponse({ type: PostRevisionListDto })
  revisions(@CurrentActor() actor: Actor, @Param() params: IdParamsDto) {
    return this.discussions.revisions(actor, params.id);
  }

  @RequirePermission('collaboration.participate')
  @Post('posts/:id/report')
  @HttpCode(204)
  report(@CurrentActor() actor: Actor, @Param() params: IdParamsDto, @Body() body: ReportDto) {
    return this.discussions.report(actor, params.id, body.reason);
  }

  @RequirePermission('collaboration.participate')
  @Patch('posts/:id/moderation')
  @ZodResponse({ type: ThreadDetailDto })
  moderatePost(@CurrentActor() actor: Actor, @Param() params: IdParamsDto, @Body() body: ModerationDto) {
    return this.discussions.moderatePost(actor, params.id, body.hidden ?? false);
  }
}
