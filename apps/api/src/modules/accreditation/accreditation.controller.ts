import { Body, Controller, Get, Ip, Param, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { z } from 'zod';
import {
  accreditationAnswerInputSchema,
  accreditationAssessmentCreateSchema,
  accreditationAssessmentListSchema,
  accreditationAssessmentSchema,
  accreditationDecisionSchema,
  accreditationFrameworkInputSchema,
  accreditationFrameworkListSchema,
  accreditationFrameworkSchema,
  accreditationQueueQuerySchema,
  accreditationReviewInputSchema,
  accreditationSubmitSchema,
  uuidSchema,
} from '@tadamon/shared';
import { CurrentActor, RequirePermission, SignedIn } from '../../common/auth/access.decorators.js';
import type { Actor } from '../../common/auth/actor.js';
import { AssessmentsService } from './assessments.service.js';
import { FrameworksService } from './frameworks.service.js';

class FrameworkInputDto extends createZodDto(accreditationFrameworkInputSchema) {}
class FrameworkDto extends createZodDto(accreditationFrameworkSchema) {}
class FrameworkListDto extends createZodDto(accreditationFrameworkListSchema) {}
class AssessmentCreateDto extends createZodDto(accreditationAssessmentCreateSchema) {}
class AssessmentDto extends createZodDto(accreditationAssessmentSchema) {}
class AssessmentListDto extends createZodDto(accreditationAssessmentListSchema) {}
class AnswerDto extends createZodDto(accreditationAnswerInputSchema) {}
class ReviewDto extends createZodDto(accreditationReviewInputSchema) {}
class SubmitDto extends createZodDto(accreditationSubmitSchema) {}
class DecisionDto extends createZodDto(accreditationDecisionSchema) {}
class QueueQueryDto extends createZodDto(accreditationQueueQuerySchema) {}
class IdParams extends createZodDto(z.strictObject({ id: uuidSchema })) {}
class CriterionParams extends createZodDto(z.strictObject({ id: uuidSchema, criterionId: uuidSchema })) {}
class NetworkParams extends createZodDto(z.strictObject({ networkId: uuidSchema })) {}

/** Accreditation frameworks (coordinators) and organisations' self-assessments (issue 5). */
@ApiTags('accreditation')
@Controller()
export class AccreditationController {
  constructor(
    private readonly frameworks: FrameworksService,
    private readonly assessments: AssessmentsService,
  ) {}

  /** Members see the network's published frameworks; coordinators also drafts and archived ones. */
  @SignedIn()
  @Get('networks/:networkId/accreditation-frameworks')
  @ZodResponse({ type: FrameworkListDto })
  listFrameworks(@CurrentActor() actor: Actor, @Param() params: NetworkParams) {
    return this.frameworks.list(actor, params.networkId);
  }

  @RequirePermission('accreditation.review')
  @Post('networks/:networkId/accreditation-frameworks')
  @ZodResponse({ type: FrameworkDto, status: 201 })
  createFramework(@CurrentActor() actor: Actor, @Param() params: NetworkParams, @Body() body: FrameworkInputDto, @Ip() ip: string) {
    return this.frameworks.create(actor, params.networkId, body, ip);
  }

  @SignedIn()
  @Get('accreditation-frameworks/:id')
  @ZodResponse({ type: FrameworkDto })
  getFramework(@CurrentActor() actor: Actor, @Param() params: IdParams) {
    return this.frameworks.get(actor, params.id);
  }

  @RequirePermission('accreditation.review')
  @Put('accreditation-frameworks/:id')
  @ZodResponse({ type: FrameworkDto })
  replaceFramework(@CurrentActor() actor: Actor, @Param() params: IdParams, @Body() body: FrameworkInputDto, @Ip() ip: string) {
    return this.frameworks.replace(actor, params.id, body, ip);
  }

  @RequirePermission('accreditation.review')
  @Post('accreditation-frameworks/:id/publish')
  @ZodResponse({ type: FrameworkDto, status: 200 })
  publishFramework(@CurrentActor() actor: Actor, @Param() params: IdParams, @Ip() ip: string) {
    return this.frameworks.publish(actor, params.id, ip);
  }

  @RequirePermission('accreditation.review')
  @Post('accreditation-frameworks/:id/archive')
  @ZodResponse({ type: FrameworkDto, status: 200 })
  archiveFramework(@CurrentActor() actor: Actor, @Param() params: IdParams, @Ip() ip: string) {
    return this.frameworks.archive(actor, params.id, ip);
  }

  @RequirePermission('accreditation.review')
  @Post('accreditation-frameworks/:id/copy')
  @ZodResponse({ type: FrameworkDto, status: 201 })
  copyFramework(@CurrentActor() actor: Actor, @Param() params: IdParams, @Ip() ip: string) {
    return this.frameworks.copy(actor, params.id, ip);
  }

  @RequirePermission('accreditation.selfAssess')
  @Get('organisations/:id/accreditation-assessments')
  @ZodResponse({ type: AssessmentListDto })
  listForOrganisation(@CurrentActor() actor: Actor, @Param() params: IdParams) {
    return this.assessments.listForOrganisation(actor, params.id);
  }

  @RequirePermission('accreditation.selfAssess')
  @Post('organisations/:id/accreditation-assessments')
  @ZodResponse({ type: AssessmentDto, status: 201 })
  start(@CurrentActor() actor: Actor, @Param() params: IdParams, @Body() body: AssessmentCreateDto, @Ip() ip: string) {
    return this.assessments.start(actor, params.id, body.frameworkId, ip);
  }

  /** The review queue of a network, oldest submission first. */
  @RequirePermission('accreditation.review')
  @Get('networks/:networkId/accreditation-assessments')
  @ZodResponse({ type: AssessmentListDto })
  queue(@CurrentActor() actor: Actor, @Param() params: NetworkParams, @Query() query: QueueQueryDto) {
    return this.assessments.listForNetwork(actor, params.networkId, query.status);
  }

  @RequirePermission('accreditation.selfAssess')
  @Get('accreditation-assessments/:id')
  @ZodResponse({ type: AssessmentDto })
  get(@CurrentActor() actor: Actor, @Param() params: IdParams) {
    return this.assessments.get(actor, params.id);
  }

  @RequirePermission('accreditation.selfAssess')
  @Put('accreditation-assessments/:id/answers/:criterionId')
  @ZodResponse({ type: AssessmentDto })
  answer(@CurrentActor() actor: Actor, @Param() params: CriterionParams, @Body() body: AnswerDto) {
    return this.assessments.answer(actor, params.id, params.criterionId, body);
  }

  @RequirePermission('accreditation.selfAssess')
  @Post('accreditation-assessments/:id/submit')
  @ZodResponse({ type: AssessmentDto, status: 200 })
  submit(@CurrentActor() actor: Actor, @Param() params: IdParams, @Body() body: SubmitDto, @Ip() ip: string) {
    return this.assessments.submit(actor, params.id, body.revision, ip);
  }

  @RequirePermission('accreditation.review')
  @Put('accreditation-assessments/:id/reviews/:criterionId')
  @ZodResponse({ type: AssessmentDto })
  review(@CurrentActor() actor: Actor, @Param() params: CriterionParams, @Body() body: ReviewDto) {
    return this.assessments.review(actor, params.id, params.criterionId, body);
  }

  @RequirePermission('accreditation.review')
  @Post('accreditation-assessments/:id/decision')
  @ZodResponse({ type: AssessmentDto, status: 200 })
  decide(@CurrentActor() actor: Actor, @Param() params: IdParams, @Body() body: DecisionDto, @Ip() ip: string) {
    return this.assessments.decide(actor, params.id, body, ip);
  }
}
