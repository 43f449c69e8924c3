import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import {
  recoveryCodesRegenerateSchema,
  recoveryCodesSchema,
  secondFactorVerifySchema,
  totpConfirmSchema,
  totpDisableSchema,
  totpEnrolmentSchema,
  totpStatusSchema,
} from '@tadamon/shared';
import { CurrentActor, SecondFactorStep, SignedIn } from '../../common/auth/access.decorators.js';
import type { Actor } from '../../common/auth/actor.js';
import { requestMeta } from '../../common/http/request-meta.js';
import { TwoFactorService } from './two-factor.service.js';

class VerifyDto extends createZodDto(secondFactorVerifySchema) {}
class ConfirmDto extends createZodDto(totpConfirmSchema) {}
class DisableDto extends createZodDto(totpDisableSchema) {}
class EnrolmentDto extends createZodDto(totpEnrolmentSchema) {}
class RecoveryCodesDto extends createZodDto(recoveryCodesSchema) {}
class StatusDto extends createZodDto(totpStatusSchema) {}
class RegenerateDto extends createZodDto(recoveryCodesRegenerateSchema) {}

/**
 * Two-factor authentication. @SignedIn rather than a permission: it is one's own account.
 * The routes marked @SecondFactorStep are the only ones a half-signed-in session reaches.
 */
@ApiTags('auth')
@Controller('auth')
export class TwoFactorController {
  constructor(private readonly twoFactor: TwoFactorService) {}

  @SignedIn()
  @SecondFactorStep()
  @Post('second-factor/verify')
  @HttpCode(204)
  verify(@CurrentActor() actor: Actor, @Body() body: VerifyDto, @Req() request: FastifyRequest) {
    return this.twoFactor.verify(actor, body.code, requestMeta(request));
  }

  @SignedIn()
  @Get('totp')
  @ZodResponse({ type: StatusDto })
  status(@CurrentActor() actor: Actor) {
    return this.twoFactor.status(actor);
  }

  @SignedIn()
  @SecondFactorStep()
  @Post('totp/enrolment')
  @HttpCode(200)
  @ZodResponse({ type: EnrolmentDto })
  startEnrolment(@CurrentActor() actor: Actor, @Req() request: FastifyRequest) {
    return this.twoFactor.startEnrolment(actor, requestMeta(request));
  }

  @SignedIn()
  @SecondFactorStep()
  @Post('totp/enrolment/confirm')
  @HttpCode(200)
  @ZodResponse({ type: RecoveryCodesDto })
  confirmEnrolment(@CurrentActor() actor: Actor, @Body() body: ConfirmDto, @Req() request: FastifyRequest) {
    return this.twoFactor.confirmEnrolment(actor, body.code, requestMeta(request));
  }

  @SignedIn()
  @Post('totp/disable')
  @HttpCode(204)
  disable(@CurrentActor() actor: Actor, @Body() body: DisableDto, @Req() request: FastifyRequest) {
    return this.twoFactor.disable(actor, body, requestMeta(request));
  }

  @SignedIn()
  @Post('totp/recovery-codes')
  @HttpCode(200)
  @ZodResponse({ type: RecoveryCodesDto })
  regenerateRecoveryCodes(@CurrentActor() actor: Actor, @Body() body: RegenerateDto, @Req() request: FastifyRequest) {
    return this.twoFactor.regenerateRecoveryCodes(actor, body, requestMeta(request));
  }
}
