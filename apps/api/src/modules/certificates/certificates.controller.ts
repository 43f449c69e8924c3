import { Body, Controller, Get, HttpCode, Ip, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { z } from 'zod';
import {
  certificateIssueSchema,
  certificateListSchema,
  certificateRevokeSchema,
  certificateSchema,
  uuidSchema,
} from '@tadamon/shared';
import { CurrentActor, RequirePermission, SignedIn } from '../../common/auth/access.decorators.js';
import type { Actor } from '../../common/auth/actor.js';
import { CertificatesService } from './certificates.service.js';

class CertificateIssueDto extends createZodDto(certificateIssueSchema) {}
class CertificateRevokeDto extends createZodDto(certificateRevokeSchema) {}
class CertificateDto extends createZodDto(certificateSchema) {}
class CertificateListDto extends createZodDto(certificateListSchema) {}
class IdParams extends createZodDto(z.strictObject({ id: uuidSchema })) {}

@ApiTags('certificates')
/** Issuing, listing and revoking; the public check of a code is public-verify.route.ts. */
@Controller()
export class CertificatesController {
  constructor(private readonly certificates: CertificatesService) {}

  @RequirePermission('certificates.issue')
  @Post('certificates')
  @ZodResponse({ type: CertificateDto, status: 201 })
  issue(@CurrentActor() actor: Actor, @Body() body: CertificateIssueDto, @Ip() ip: string) {
    return this.certificates.issueByAssessor(actor, body, ip);
  }

  @RequirePermission('certificates.issue')
  @Get('organisations/:id/certificates')
  @ZodResponse({ type: CertificateListDto })
  listForOrganisation(@CurrentActor() actor: Actor, @Param() params: IdParams) {
    return this.certificates.listForOrganisation(actor, params.id);
  }

  @RequirePermission('certificates.revoke')
  @Post('certificates/:id/revoke')
  @HttpCode(200)
  @ZodResponse({ type: CertificateDto, status: 200 })
  revoke(@CurrentActor() actor: Actor, @Param() params: IdParams, @Body() body: CertificateRevokeDto, @Ip() ip: string) {
    return this.certificates.revoke(actor, params.id, body.reason, ip);
  }

  @SignedIn()
  @Get('me/certificates')
  @ZodResponse({ type: CertificateListDto })
  listMine(@CurrentActor() actor: Actor) {
    return this.certificates.listMine(actor);
  }
}
