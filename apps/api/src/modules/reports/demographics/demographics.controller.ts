import { Body, Controller, Delete, Get, HttpCode, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { demographicsUpdateSchema, myDemographicsSchema } from '@tadamon/shared';
import { CurrentActor, SignedIn } from '../../../common/auth/access.decorators.js';
import type { Actor } from '../../../common/auth/actor.js';
import { DemographicsService } from './demographics.service.js';

class MyDemographicsDto extends createZodDto(myDemographicsSchema) {}
class DemographicsUpdateDto extends createZodDto(demographicsUpdateSchema) {}

/**
 * One's own answers only: there is no route that takes a person's id. @SignedIn like the
 * profile, so that anyone, with or without a membership left, can always withdraw.
 */
@ApiTags('reports')
@Controller('me/demographics')
export class DemographicsController {
  constructor(private readonly demographics: DemographicsService) {}

  @SignedIn()
  @Get()
  @ZodResponse({ type: MyDemographicsDto })
  mine(@CurrentActor() actor: Actor) {
    return this.demographics.mine(actor);
  }

  @SignedIn()
  @Put()
  @ZodResponse({ type: MyDemographicsDto })
  save(@CurrentActor() actor: Actor, @Body() body: DemographicsUpdateDto) {
    return this.demographics.save(actor, body);
  }

  @SignedIn()
  @Delete()
  @HttpCode(204)
  withdraw(@CurrentActor() actor: Actor) {
    return this.demographics.withdraw(actor);
  }
}
