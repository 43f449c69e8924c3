import { Module } from '@nestjs/common';
import { PasswordResetController } from './password-reset.controller.js';
import { PasswordResetRepository } from './password-reset.repository.js';
import { PasswordResetService } from './password-reset.service.js';
import { PhoneCodeRateLimiter } from './phone-code-rate-limiter.js';
import { PhoneCodesRepository } from './phone-codes.repository.js';
import { SmsPasswordResetService } from './sms-password-reset.service.js';

@Module({
  controllers: [PasswordResetController],
  providers: [PasswordResetService, PasswordResetRepository, SmsPasswordResetService, PhoneCodesRepository, PhoneCodeRateLimiter],
})
export class PasswordResetModule {}
