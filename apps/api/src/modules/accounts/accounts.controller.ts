import { Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { uuidSchema } from '@tadamon/shared';
import { CurrentActor, RequirePermission } from '../../common/auth/access.decorators.js';
import type { Actor } from '../../common/auth/actor.js';
import { AccountsService } from './accounts.service.js';

class AccountParams extends createZodDto(z.strictObject({ id: uuidSchema })) {}

@ApiTags('accounts')
@Controller('accounts')
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @RequirePermission('accounts.disable')
  @Post(':id/disable')
  @HttpCode(204)
  async disable(@CurrentActor() actor: Actor, @Param() params: AccountParams, @Req() request: FastifyRequest) {
    await this.accounts.setDisabled(actor, params.id, true, request.ip);
  }

  @RequirePermission('accounts.disable')
  @Post(':id/enable')
  @HttpCode(204)
  async enable(@CurrentActor() actor: Actor, @Param() params: AccountParams, @Req() request: FastifyRequest) {
    await this.accounts.setDisabled(actor, params.id, false, request.ip);
  }
}
