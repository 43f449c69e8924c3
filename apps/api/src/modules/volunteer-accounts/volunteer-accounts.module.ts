import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { SetupCodesController, VolunteerAccountsController } from './volunteer-accounts.controller.js';
import { VolunteerAccountsRepository } from './volunteer-accounts.repository.js';
import { VolunteerAccountsService } from './volunteer-accounts.service.js';

/** Accounts without e-mail (phone number or username) and the setup codes leaders hand out. */
@Module({
  imports: [AuthModule],
  controllers: [VolunteerAccountsController, SetupCodesController],
  providers: [VolunteerAccountsService, VolunteerAccountsRepository],
})
export class VolunteerAccountsModule {}
