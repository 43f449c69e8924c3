import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { z } from 'zod';
import { commentCreateSchema, commentDecisionSchema, commentListSchema, uuidSchema } from '@tadamon/shared';
import { CurrentActor, RequirePermission } from '../../common/auth/access.decorators.js';
import type { Actor } from '../../common/auth/actor.js';
import { IdParamsDto } from './collaboration-params.dto.js';
import { CommentsService } from './comments.service.js';

class CommentCreateDto extends createZodDto(commentCreateSchema) {}
class CommentDecisionDto extends createZodDto(commentDecisionSchema) {}
class CommentListDto extends createZodDto(commentListSchema) {}
class CommentParamsDto extends createZodDto(z.strictObject({ id: uuidSchema, commentId: uuidSchema })) {}

@ApiTags('collaboration')
@Controller('documents/:id/comments')
export class CommentsController {
  constructor(private readonly comments: CommentsService) {}

  @RequirePermission('collaboration.participate')
  @Get()
  @ZodResponse({ type: CommentListDto })
  list(@CurrentActor() actor: Actor, @Param() params: IdParamsDto) {
    return this.comments.list(actor, params.id);
  }

  @RequirePermission('collaboration.participate')
  @Post()
  @ZodResponse({ type: CommentListDto, status: 201 })
  create(@CurrentActor() actor: Actor, @Param() params: IdParamsDto, @Body() body: CommentCreateDto) {
    return this.comments.create(actor, params.id, body);
  }

  @RequirePermission('documents.edit')
  @Post(':commentId/decision')
  @ZodResponse({ type: CommentListDto, status: 200 })
  decide(@CurrentActor() actor: Actor, @Param() params: CommentParamsDto, @Body() body: CommentDecisionDto) {
    return this.comments.decide(actor, params.id, params.commentId, body.state);
  }
}
