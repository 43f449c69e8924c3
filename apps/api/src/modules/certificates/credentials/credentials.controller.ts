import { Controller, Get, Header, Param, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { uuidSchema } from '@tadamon/shared';
import { CurrentActor, Public, SignedIn } from '../../../common/auth/access.decorators.js';
import type { Actor } from '../../../common/auth/actor.js';
import { CertificatesService } from '../certificates.service.js';
import { CredentialsService } from './credentials.service.js';
import { CertificatePdfService } from '../pdf/certificate-pdf.service.js';
import { credentialFileName } from '../pdf/certificate-pdf.js';

class IdParams extends createZodDto(z.strictObject({ id: uuidSchema })) {}

/** Stable public URLs a verifier dereferences, and the holder's own download. */
@ApiTags('certificates')
@Controller()
export class CredentialsController {
  constructor(
    private readonly credentials: CredentialsService,
    private readonly certificates: CertificatesService,
    private readonly pdfs: CertificatePdfService,
  ) {}

  @Public()
  @Get('issuers/:id')
  @Header('Cache-Control', 'public, max-age=3600')
  issuer(@Param() params: IdParams) {
    return this.credentials.issuerDocument(params.id);
  }

  /** Short cache: a revocation must reach verifiers within a minute. */
  @Public()
  @Get('issuers/:id/status/revocation')
  @Header('Cache-Control', 'public, max-age=60')
  statusList(@Param() params: IdParams) {
    return this.credentials.statusListCredential(params.id);
  }

  @SignedIn()
  @Get('me/certificates/:id/credential')
  async credential(@CurrentActor() actor: Actor, @Param() params: IdParams, @Res({ passthrough: true }) reply: FastifyReply) {
    const certificate = await this.certificates.requireOwn(actor, params.id);
    const credential = await this.credentials.credentialFor(certificate);
    reply.header('Content-Disposition', `attachment; filename="${credentialFileName(certificate.code)}"`);
    reply.header('Content-Type', 'application/json; charset=utf-8');
    return credential;
  }

  @SignedIn()
  @Get('me/certificates/:id/pdf')
  async pdf(@CurrentActor() actor: Actor, @Param() params: IdParams, @Res({ passthrough: true }) reply: FastifyReply) {
    const certificate = await this.certificates.requireOwn(actor, params.id);
    const stream = await this.pdfs.open(certificate);
    reply.header('Content-Type', 'application/pdf');
    reply.header('Content-Disposition', `attachment; filename="certificate-${certificate.code}.pdf"`);
    return stream;
  }
}
