import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { passwordResetConfirmSchema, passwordResetRequestSchema } from '@tadamon/shared';
import { Public } from '../../common/auth/access.decorators.js';
import { requestMeta } from '../../common/http/request-meta.js';
import { PasswordResetService } from './password-reset.service.js';

class PasswordResetRequestDto extends createZodDto(passwordResetRequestSchema) {}
class PasswordResetConfirmDto extends createZodDto(passwordResetConfirmSchema) {}

@ApiTags('auth')
@Controller('auth/password-reset')
export class PasswordResetController {
  constructor(private readonly passwordReset: PasswordResetService) {}

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
}
