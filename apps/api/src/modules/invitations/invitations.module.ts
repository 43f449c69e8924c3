import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { InvitationsController } from './invitations.controller.js';
import { InvitationsRepository } from './invitations.repository.js';
import { InvitationsService } from './invitations.service.js';
import { VerifiedEmailInvitations } from './verified-email-invitations.js';

@Module({
  imports: [AuthModule],
  controllers: [InvitationsController],
  providers: [InvitationsService, InvitationsRepository, VerifiedEmailInvitations],
  // Single sign-on accepts a pending invitation for a verified e-mail address.
  exports: [VerifiedEmailInvitations],
})
export class InvitationsModule {}
