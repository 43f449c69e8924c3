import { Body, Controller, Get, Ip, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { organisationCreateSchema, organisationDetailSchema, organisationUpdateSchema } from '@tadamon/shared';
import { CurrentActor, RequirePermission } from '../../common/auth/access.decorators.js';
import type { Actor } from '../../common/auth/actor.js';
import { OrganisationParamsDto } from './organisation-params.dto.js';
import { OrganisationsService } from './organisations.service.js';

class OrganisationDetailDto extends createZodDto(organisationDetailSchema) {}
class OrganisationUpdateDto extends createZodDto(organisationUpdateSchema) {}
class OrganisationCreateDto extends createZodDto(organisationCreateSchema) {}

@ApiTags('organisations')
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @RequirePermission('organisation.create')
  @Post()
  @ZodResponse({ status: 201, type: OrganisationDetailDto })
  create(@CurrentActor() actor: Actor, @Body() body: OrganisationCreateDto, @Ip() ip: string) {
    return this.organisations.create(actor, body, ip);
  }

  @RequirePermission('directory.read')
  @Get(':id')
  @ZodResponse({ type: OrganisationDetailDto })
  get(@CurrentActor() actor: Actor, @Param() params: OrganisationParamsDto) {
    return this.organisations.get(actor, params.id);
  }

  @RequirePermission('organisation.update')
  @Patch(':id')
  @ZodResponse({ type: OrganisationDetailDto })
  update(
    @CurrentActor() actor: Actor,
    @Param() params: OrganisationParamsDto,
    @Body() body: OrganisationUpdateDto,
    @Ip() ip: string,
  ) {
    return this.organisations.update(actor, params.id, body, ip);
  }
}
