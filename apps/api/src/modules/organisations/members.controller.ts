import { Body, Controller, Delete, Get, HttpCode, Ip, Param, Patch } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { memberListSchema, memberRoleChangeSchema, memberSchema } from '@tadamon/shared';
import { CurrentActor, RequirePermission } from '../../common/auth/access.decorators.js';
import type { Actor } from '../../common/auth/actor.js';
import { MembershipParamsDto, OrganisationParamsDto } from './organisation-params.dto.js';
import { MembersService } from './members.service.js';

class MemberListDto extends createZodDto(memberListSchema) {}
class MemberDto extends createZodDto(memberSchema) {}
class MemberRoleChangeDto extends createZodDto(memberRoleChangeSchema) {}

@ApiTags('members')
@Controller('organisations/:id/members')
export class MembersController {
  constructor(private readonly members: MembersService) {}

  @RequirePermission('members.read')
  @Get()
  @ZodResponse({ type: MemberListDto })
  list(@CurrentActor() actor: Actor, @Param() params: OrganisationParamsDto) {
    return this.members.list(actor, params.id);
  }

  @RequirePermission('members.changeRole')
  @Patch(':membershipId')
  @ZodResponse({ type: MemberDto })
  changeRole(
    @CurrentActor() actor: Actor,
    @Param() params: MembershipParamsDto,
    @Body() body: MemberRoleChangeDto,
    @Ip() ip: string,
  ) {
    return this.members.changeRole(actor, params.id, params.membershipId, body.role, ip);
  }

  @RequirePermission('members.remove')
  @Delete(':membershipId')
  @HttpCode(204)
  remove(@CurrentActor() actor: Actor, @Param() params: MembershipParamsDto, @Ip() ip: string) {
    return this.members.remove(actor, params.id, params.membershipId, ip);
  }
}
