import { Body, Controller, Get, Header, HttpCode, Ip, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { z } from 'zod';
import {
  certificateIssueSchema,
  certificateListSchema,
  certificateRevokeSchema,
  certificateSchema,
  certificateVerificationSchema,
  uuidSchema,
  verificationCodeSchema,
} from '@tadamon/shared';
import { CurrentActor, Public, RequirePermission, SignedIn } from '../../common/auth/access.decorators.js';
import type { Actor } from '../../common/auth/actor.js';
import { notFound } from '../../common/errors/app-error.js';
import { CertificatesService } from './certificates.service.js';
import { VerifyRateLimiter } from './verify-rate-limiter.js';

class CertificateIssueDto extends createZodDto(certificateIssueSchema) {}
class CertificateRevokeDto extends createZodDto(certificateRevokeSchema) {}
class CertificateDto extends createZodDto(certificateSchema) {}
class CertificateListDto extends createZodDto(certificateListSchema) {}
class CertificateVerificationDto extends createZodDto(certificateVerificationSchema) {}
class IdParams extends createZodDto(z.strictObject({ id: uuidSchema })) {}
// Any string reaches the service: a malformed code answers 404 like an unknown one.
class CodeParams extends createZodDto(z.strictObject({ code: z.string().max(100) })) {}

@ApiTags('certificates')
@Controller()
export class CertificatesController {
  constructor(
    private readonly certificates: CertificatesService,
    private readonly limiter: VerifyRateLimiter,
  ) {}

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

  /** Anyone with the code; rate-limited per address; never cached (revocation must show). */
  @Public()
  @Get('verify/:code')
  @Header('Cache-Control', 'no-store')
  @ZodResponse({ type: CertificateVerificationDto })
  verify(@Param() params: CodeParams, @Ip() ip: string) {
    this.limiter.hit(ip);
    const code = verificationCodeSchema.safeParse(params.code);
    if (!code.success) throw notFound('certificate');
    return this.certificates.verify(code.data);
  }
}
