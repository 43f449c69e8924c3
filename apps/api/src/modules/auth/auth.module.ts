import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { LocalStrategy } from './local.strategy.js';
import { TwoFactorModule } from '../two-factor/two-factor.module.js';
import { AuthRepository } from './auth.repository.js';

@Module({
  imports: [PassportModule, TwoFactorModule],
  controllers: [AuthController],
  providers: [AuthService, AuthRepository, LocalStrategy],
  exports: [AuthService],
})
export class AuthModule {}
