import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { auditPageSchema, auditQuerySchema } from '@tadamon/shared';
import { CurrentActor, RequirePermission } from '../../common/auth/access.decorators.js';
import type { Actor } from '../../common/auth/actor.js';
import { AuditLogService } from './audit-log.service.js';

class AuditQueryDto extends createZodDto(auditQuerySchema) {}
class AuditPageDto extends createZodDto(auditPageSchema) {}

@ApiTags('audit')
@Controller('audit')
export class AuditLogController {
  constructor(private readonly auditLog: AuditLogService) {}

  @RequirePermission('audit.read')
  @Get()
  @ZodResponse({ type: AuditPageDto })
  list(@CurrentActor() actor: Actor, @Query() query: AuditQueryDto) {
    return this.auditLog.list(actor, query);
  }
}
