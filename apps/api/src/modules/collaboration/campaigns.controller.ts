import { Body, Controller, Delete, Get, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { z } from 'zod';
import {
  CAMPAIGN_LINK_KINDS,
  campaignCreateSchema,
  campaignDetailSchema,
  campaignLinkSchema,
  campaignSummarySchema,
  campaignUpdateSchema,
  milestoneInputSchema,
  milestoneUpdateSchema,
  uuidSchema,
} from '@tadamon/shared';
import { CurrentActor, RequirePermission } from '../../common/auth/access.decorators.js';
import type { Actor } from '../../common/auth/actor.js';
import { IdParamsDto } from './collaboration-params.dto.js';
import { CampaignsService } from './campaigns.service.js';

class CampaignCreateDto extends createZodDto(campaignCreateSchema) {}
class CampaignUpdateDto extends createZodDto(campaignUpdateSchema) {}
class MilestoneInputDto extends createZodDto(milestoneInputSchema) {}
class MilestoneUpdateDto extends createZodDto(milestoneUpdateSchema) {}
class CampaignLinkDto extends createZodDto(campaignLinkSchema) {}
class CampaignListDto extends createZodDto(z.object({ items: z.array(campaignSummarySchema) })) {}
class CampaignDetailDto extends createZodDto(campaignDetailSchema) {}
class MilestoneParamsDto extends createZodDto(z.strictObject({ id: uuidSchema, milestoneId: uuidSchema })) {}
class LinkParamsDto extends createZodDto(z.strictObject({ id: uuidSchema, kind: z.enum(CAMPAIGN_LINK_KINDS), targetId: uuidSchema })) {}
class ParticipantParamsDto extends createZodDto(z.strictObject({ id: uuidSchema, organisationId: uuidSchema })) {}

@ApiTags('collaboration')
@Controller()
export class CampaignsController {
  constructor(private readonly campaigns: CampaignsService) {}

  @RequirePermission('collaboration.participate')
  @Get('groups/:id/campaigns')
  @ZodResponse({ type: CampaignListDto })
  list(@CurrentActor() actor: Actor, @Param() params: IdParamsDto) {
    return this.campaigns.list(actor, params.id);
  }

  @RequirePermission('campaigns.manage')
  @Post('groups/:id/campaigns')
  @ZodResponse({ type: CampaignDetailDto, status: 201 })
  create(@CurrentActor() actor: Actor, @Param() params: IdParamsDto, @Body() body: CampaignCreateDto) {
    return this.campaigns.create(actor, params.id, body);
  }

  @RequirePermission('collaboration.participate')
  @Get('campaigns/:id')
  @ZodResponse({ type: CampaignDetailDto })
  get(@CurrentActor() actor: Actor, @Param() params: IdParamsDto) {
    return this.campaigns.get(actor, params.id);
  }

  @RequirePermission('campaigns.manage')
  @Patch('campaigns/:id')
  @ZodResponse({ type: CampaignDetailDto })
  update(@CurrentActor() actor: Actor, @Param() params: IdParamsDto, @Body() body: CampaignUpdateDto) {
    return this.campaigns.update(actor, params.id, body);
  }

  @RequirePermission('campaigns.manage')
  @Post('campaigns/:id/milestones')
  @ZodResponse({ type: CampaignDetailDto, status: 201 })
  addMilestone(@CurrentActor() actor: Actor, @Param() params: IdParamsDto, @Body() body: MilestoneInputDto) {
    return this.campaigns.addMilestone(actor, params.id, body);
  }

  @RequirePermission('campaigns.manage')
  @Patch('campaigns/:id/milestones/:milestoneId')
  @ZodResponse({ type: CampaignDetailDto })
  updateMilestone(@CurrentActor() actor: Actor, @Param() params: MilestoneParamsDto, @Body() body: MilestoneUpdateDto) {
    return this.campaigns.updateMilestone(actor, params.id, params.milestoneId, body);
  }

  @RequirePermission('campaigns.manage')
  @Delete('campaigns/:id/milestones/:milestoneId')
  @ZodResponse({ type: CampaignDetailDto })
  removeMilestone(@CurrentActor() actor: Actor, @Param() params: MilestoneParamsDto) {
    return this.campaigns.removeMilestone(actor, params.id, params.milestoneId);
  }

  @RequirePermission('campaigns.manage')
  @Post('campaigns/:id/links')
  @ZodResponse({ type: CampaignDetailDto, status: 201 })
  addLink(@CurrentActor() actor: Actor, @Param() params: IdParamsDto, @Body() body: CampaignLinkDto) {
    return this.campaigns.addLink(actor, params.id, body);
  }

  @RequirePermission('campaigns.manage')
  @Delete('campaigns/:id/links/:kind/:targetId')
  @ZodResponse({ type: CampaignDetailDto })
  removeLink(@CurrentActor() actor: Actor, @Param() params: LinkParamsDto) {
    return this.campaigns.removeLink(actor, params.id, { kind: params.kind, targetId: params.targetId });
  }

  @RequirePermission('campaigns.manage')
  @Put('campaigns/:id/organisations/:organisationId')
  @ZodResponse({ type: CampaignDetailDto })
  join(@CurrentActor() actor: Actor, @Param() params: ParticipantParamsDto) {
    return this.campaigns.join(actor, params.id, params.organisationId);
  }

  @RequirePermission('campaigns.manage')
  @Delete('campaigns/:id/organisations/:organisationId')
  @ZodResponse({ type: CampaignDetailDto })
  leave(@CurrentActor() actor: Actor, @Param() params: ParticipantParamsDto) {
    return this.campaigns.leave(actor, params.id, params.organisationId);
  }
}
