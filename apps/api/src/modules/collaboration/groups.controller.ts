import { Body, Controller, Delete, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { z } from 'zod';
import {
  groupCreateSchema,
  groupDetailSchema,
  groupListQuerySchema,
  groupMemberSchema,
  groupSummarySchema,
} from '@tadamon/shared';
import { CurrentActor, RequirePermission } from '../../common/auth/access.decorators.js';
import type { Actor } from '../../common/auth/actor.js';
import { IdParamsDto } from './collaboration-params.dto.js';
import { GroupsService } from './groups.service.js';

class GroupCreateDto extends createZodDto(groupCreateSchema) {}
class GroupListQueryDto extends createZodDto(groupListQuerySchema) {}
class GroupListDto extends createZodDto(z.object({ items: z.array(groupSummarySchema) })) {}
class GroupDetailDto extends createZodDto(groupDetailSchema) {}
class GroupMembersDto extends createZodDto(z.object({ items: z.array(groupMemberSchema) })) {}

@ApiTags('collaboration')
@Controller('groups')
export class GroupsController {
  constructor(private readonly groups: GroupsService) {}

  @RequirePermission('collaboration.participate')
  @Get()
  @ZodResponse({ type: GroupListDto })
  list(@CurrentActor() actor: Actor, @Query() query: GroupListQueryDto) {
    return this.groups.list(actor, query);
  }

  @RequirePermission('collaboration.createGroup')
  @Post()
  @ZodResponse({ type: GroupDetailDto, status: 201 })
  create(@CurrentActor() actor: Actor, @Body() body: GroupCreateDto) {
    return this.groups.create(actor, body);
  }

  @RequirePermission('collaboration.participate')
  @Get(':id')
  @ZodResponse({ type: GroupDetailDto })
  get(@CurrentActor() actor: Actor, @Param() params: IdParamsDto) {
    return this.groups.get(actor, params.id);
  }

  @RequirePermission('collaboration.participate')
  @Get(':id/members')
  @ZodResponse({ type: GroupMembersDto })
  members(@CurrentActor() actor: Actor, @Param() params: IdParamsDto) {
    return this.groups.members(actor, params.id);
  }

  @RequirePermission('collaboration.participate')
  @Put(':id/follow')
  @ZodResponse({ type: GroupDetailDto })
  follow(@CurrentActor() actor: Actor, @Param() params: IdParamsDto) {
    return this.groups.follow(actor, params.id, true);
  }

  @RequirePermission('collaboration.participate')
  @Delete(':id/follow')
  @ZodResponse({ type: GroupDetailDto })
  unfollow(@CurrentActor() actor: Actor, @Param() params: IdParamsDto) {
    return this.groups.follow(actor, params.id, false);
  }
}
