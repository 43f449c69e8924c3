import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { InvitationsModule } from '../invitations/invitations.module.js';
import { OidcController } from './oidc.controller.js';
import { OidcRepository } from './oidc.repository.js';
import { OidcService } from './oidc.service.js';

@Module({
  imports: [AuthModule, InvitationsModule],
  controllers: [OidcController],
  providers: [OidcService, OidcRepository],
})
export class OidcModule {}
