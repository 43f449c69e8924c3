import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { passwordResetConfirmSchema, passwordResetRequestSchema, smsResetConfirmSchema, smsResetRequestSchema } from '@tadamon/shared';
import { Public } from '../../common/auth/access.decorators.js';
import { requestMeta } from '../../common/http/request-meta.js';
import { PasswordResetService } from './password-reset.service.js';
import { SmsPasswordResetService } from './sms-password-reset.service.js';

class PasswordResetRequestDto extends createZodDto(passwordResetRequestSchema) {}
class PasswordResetConfirmDto extends createZodDto(passwordResetConfirmSchema) {}
class SmsResetRequestDto extends createZodDto(smsResetRequestSchema) {}
class SmsResetConfirmDto extends createZodDto(smsResetConfirmSchema) {}

@ApiTags('auth')
@Controller('auth/password-reset')
export class PasswordResetController {
  constructor(
    private readonly passwordReset: PasswordResetService,
    private readonly smsReset: SmsPasswordResetService,
  ) {}

  /** Always 202, known address or not. */
  @Public()
  @Post('request')
  @HttpCode(202)
  request(@Body() body: PasswordResetRequestDto, @Req() request: FastifyRequest): void {
    this.passwordReset.request(body.email, requestMeta(request));
  }

  @Public()
  @Post('confirm')
  @HttpCode(204)
  confirm(@Body() body: PasswordResetConfirmDto, @Req() request: FastifyRequest) {
    return this.passwordReset.confirm(body.token, body.password, requestMeta(request));
  }

  /** Accounts with a phone: a 6-digit code by SMS. 202 for known and unknown numbers; 429 beyond the limits. */
  @Public()
  @Post('sms/request')
  @HttpCode(202)
  async smsRequest(@Body() body: SmsResetRequestDto, @Req() request: FastifyRequest): Promise<void> {
    await this.smsReset.request(body.phone, requestMeta(request));
  }

  @Public()
  @Post('sms/confirm')
  @HttpCode(204)
  smsConfirm(@Body() body: SmsResetConfirmDto, @Req() request: FastifyRequest) {
    return this.smsReset.confirm(body, requestMeta(request));
  }
}
