import { Body, Controller, Get, Ip, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { z } from 'zod';
import {
  certificateTypeCreateSchema,
  certificateTypeListSchema,
  certificateTypeSchema,
  certificateTypeUpdateSchema,
  uuidSchema,
} from '@tadamon/shared';
import { CurrentActor, RequirePermission, SignedIn } from '../../common/auth/access.decorators.js';
import type { Actor } from '../../common/auth/actor.js';
import { CertificateTypesService } from './certificate-types.service.js';

class CertificateTypeCreateDto extends createZodDto(certificateTypeCreateSchema) {}
class CertificateTypeUpdateDto extends createZodDto(certificateTypeUpdateSchema) {}
class CertificateTypeDto extends createZodDto(certificateTypeSchema) {}
class CertificateTypeListDto extends createZodDto(certificateTypeListSchema) {}
class IdParams extends createZodDto(z.strictObject({ id: uuidSchema })) {}
class NetworkParams extends createZodDto(z.strictObject({ networkId: uuidSchema })) {}

@ApiTags('certificates')
@Controller()
export class CertificateTypesController {
  constructor(private readonly types: CertificateTypesService) {}

  /** Members of the network see its certificate types (assessors pick from them). */
  @SignedIn()
  @Get('networks/:networkId/certificate-types')
  @ZodResponse({ type: CertificateTypeListDto })
  list(@CurrentActor() actor: Actor, @Param() params: NetworkParams) {
    return this.types.list(actor, params.networkId);
  }

  @RequirePermission('certificates.manageTypes')
  @Post('networks/:networkId/certificate-types')
  @ZodResponse({ type: CertificateTypeDto, status: 201 })
  create(@CurrentActor() actor: Actor, @Param() params: NetworkParams, @Body() body: CertificateTypeCreateDto, @Ip() ip: string) {
    return this.types.create(actor, params.networkId, body, ip);
  }

  @RequirePermission('certificates.manageTypes')
  @Patch('certificate-types/:id')
  @ZodResponse({ type: CertificateTypeDto })
  update(@CurrentActor() actor: Actor, @Param() params: IdParams, @Body() body: CertificateTypeUpdateDto, @Ip() ip: string) {
    return this.types.update(actor, params.id, body, ip);
  }
}
