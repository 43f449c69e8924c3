import { Body, Controller, Get, Ip, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { z } from 'zod';
import { networkAdminListSchema, networkAdminSchema, networkCreateSchema, networkUpdateSchema, uuidSchema } from '@tadamon/shared';
import { CurrentActor, RequirePermission } from '../../common/auth/access.decorators.js';
import type { Actor } from '../../common/auth/actor.js';
import { NetworksAdminService } from './networks-admin.service.js';

class NetworkDto extends createZodDto(networkAdminSchema) {}
class NetworkListDto extends createZodDto(networkAdminListSchema) {}
class NetworkCreateDto extends createZodDto(networkCreateSchema) {}
class NetworkUpdateDto extends createZodDto(networkUpdateSchema) {}
class NetworkParams extends createZodDto(z.strictObject({ networkId: uuidSchema })) {}

@ApiTags('admin')
@Controller('admin/networks')
export class NetworksAdminController {
  constructor(private readonly networks: NetworksAdminService) {}

  @RequirePermission('network.manage')
  @Get()
  @ZodResponse({ type: NetworkListDto })
  list(@CurrentActor() actor: Actor) {
    return this.networks.list(actor);
  }

  @RequirePermission('networks.create')
  @Post()
  @ZodResponse({ status: 201, type: NetworkDto })
  create(@CurrentActor() actor: Actor, @Body() body: NetworkCreateDto, @Ip() ip: string) {
    return this.networks.create(actor, body, ip);
  }

  @RequirePermission('network.manage')
  @Patch(':networkId')
  @ZodResponse({ type: NetworkDto })
  update(@CurrentActor() actor: Actor, @Param() params: NetworkParams, @Body() body: NetworkUpdateDto, @Ip() ip: string) {
    return this.networks.update(actor, params.networkId, body, ip);
  }
}
