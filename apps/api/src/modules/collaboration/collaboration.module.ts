import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { DiscussionsController } from './discussions.controller.js';
import { DiscussionsRepository } from './discussions.repository.js';
import { DiscussionsService } from './discussions.service.js';
import { GroupsController } from './groups.controller.js';
import { GroupsRepository } from './groups.repository.js';
import { GroupsService } from './groups.service.js';

/** Working groups and their discussions (issue 7). Joint documents: CollaborationDocumentsModule. */
@Module({
  imports: [NotificationsModule],
  controllers: [GroupsController, DiscussionsController],
  providers: [GroupsService, GroupsRepository, DiscussionsService, DiscussionsRepository],
  exports: [GroupsService, GroupsRepository],
})
export class CollaborationModule {}
