import { Body, Controller, Get, Param, Put, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { z } from 'zod';
import { messageBudgetSchema, messageBudgetUpdateSchema, uuidSchema } from '@tadamon/shared';
import { CurrentActor, RequirePermission } from '../../common/auth/access.decorators.js';
import type { Actor } from '../../common/auth/actor.js';
import { requestMeta } from '../../common/http/request-meta.js';
import { MessageBudgetService } from './message-budget.service.js';

class MessageBudgetDto extends createZodDto(messageBudgetSchema) {}
class MessageBudgetUpdateDto extends createZodDto(messageBudgetUpdateSchema) {}
class NetworkParams extends createZodDto(z.strictObject({ networkId: uuidSchema })) {}

/** The network's monthly message budget: its coordinators see this month's use and set the limit. */
@ApiTags('channels')
@Controller('networks/:networkId/message-budget')
export class MessageBudgetController {
  constructor(private readonly budgets: MessageBudgetService) {}

  @RequirePermission('network.manage')
  @Get()
  @ZodResponse({ type: MessageBudgetDto })
  get(@CurrentActor() actor: Actor, @Param() params: NetworkParams) {
    return this.budgets.get(actor, params.networkId);
  }

  @RequirePermission('network.manage')
  @Put()
  @ZodResponse({ type: MessageBudgetDto })
  update(@CurrentActor() actor: Actor, @Param() params: NetworkParams, @Body() body: MessageBudgetUpdateDto, @Req() request: FastifyRequest) {
    return this.budgets.update(actor, params.networkId, body, requestMeta(request));
  }
}
