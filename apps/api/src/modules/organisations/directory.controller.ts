import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { z } from 'zod';
import { directoryPageSchema, directoryQuerySchema, networkSchema, networkStatsSchema, uuidSchema } from '@tadamon/shared';
import { CurrentActor, RequirePermission, SignedIn } from '../../common/auth/access.decorators.js';
import type { Actor } from '../../common/auth/actor.js';
import { DirectoryService } from './directory.service.js';

class NetworkListDto extends createZodDto(z.object({ items: z.array(networkSchema) })) {}
class DirectoryQueryDto extends createZodDto(directoryQuerySchema) {}
class DirectoryPageDto extends createZodDto(directoryPageSchema) {}
class NetworkStatsDto extends createZodDto(networkStatsSchema) {}
class NetworkParams extends createZodDto(z.strictObject({ networkId: uuidSchema })) {}

// The serializer makes @ZodResponse check and strip what we send, not only document it.
@ApiTags('directory')
@Controller()
export class DirectoryController {
  constructor(private readonly directory: DirectoryService) {}

  /** Someone with no membership yet simply has no networks: an empty list, not 403. */
  @SignedIn()
  @Get('networks')
  @ZodResponse({ type: NetworkListDto })
  networks(@CurrentActor() actor: Actor) {
    return this.directory.networks(actor);
  }

  @RequirePermission('directory.read')
  @Get('networks/:networkId/stats')
  @ZodResponse({ type: NetworkStatsDto })
  stats(@CurrentActor() actor: Actor, @Param() params: NetworkParams) {
    return this.directory.networkStats(actor, params.networkId);
  }

  @RequirePermission('directory.read')
  @Get('directory')
  @ZodResponse({ type: DirectoryPageDto })
  list(@CurrentActor() actor: Actor, @Query() query: DirectoryQueryDto) {
    return this.directory.directory(actor, query);
  }
}
