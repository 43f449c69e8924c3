import { Module } from '@nestjs/common';
import { DirectoryController } from './directory.controller.js';
import { DirectoryRepository } from './directory.repository.js';
import { DirectoryService } from './directory.service.js';
import { MembersController } from './members.controller.js';
import { MembersRepository } from './members.repository.js';
import { MembersService } from './members.service.js';
import { OrganisationsController } from './organisations.controller.js';
import { OrganisationsRepository } from './organisations.repository.js';
import { OrganisationsService } from './organisations.service.js';

/** Networks, the directory, organisations' contact pages and their members. */
@Module({
  controllers: [DirectoryController, OrganisationsController, MembersController],
  providers: [
    DirectoryService,
    DirectoryRepository,
    OrganisationsService,
    OrganisationsRepository,
    MembersService,
    MembersRepository,
  ],
  exports: [OrganisationsService],
})
export class OrganisationsModule {}
