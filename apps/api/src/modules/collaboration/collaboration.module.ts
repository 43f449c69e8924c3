import { Module } from '@nestjs/common';
import { LiveEventsModule } from '../../common/events/live-events.module.js';
import { MaterialsModule } from '../materials/materials.module.js';
import { MeetingsModule } from '../meetings/meetings.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { CampaignsController } from './campaigns.controller.js';
import { CampaignsRepository } from './campaigns.repository.js';
import { CampaignsService } from './campaigns.service.js';
import { CommentsController } from './comments.controller.js';
import { CommentsRepository } from './comments.repository.js';
import { CommentsService } from './comments.service.js';
import { DiscussionsController } from './discussions.controller.js';
import { DiscussionsRepository } from './discussions.repository.js';
import { DiscussionsService } from './discussions.service.js';
import { DocumentChanges } from './document-changes.js';
import { DocumentStream } from './document-stream.js';
import { LinkedObjectsRepository } from './linked-objects.repository.js';
import { DocumentsController } from './documents.controller.js';
import { DocumentsRepository } from './documents.repository.js';
import { DocumentsService } from './documents.service.js';
import { SignaturesService } from './signatures.service.js';
import { GroupsController } from './groups.controller.js';
import { GroupsRepository } from './groups.repository.js';
import { GroupsService } from './groups.service.js';

/** Working groups, their discussions and joint documents with signatures (issue 7). */
@Module({
  imports: [NotificationsModule, LiveEventsModule, MeetingsModule, MaterialsModule],
  controllers: [GroupsController, DiscussionsController, DocumentsController, CommentsController, CampaignsController],
  providers: [
    GroupsService,
    GroupsRepository,
    DiscussionsService,
    DiscussionsRepository,
    DocumentsService,
    DocumentsRepository,
    SignaturesService,
    CommentsService,
    CommentsRepository,
    DocumentChanges,
    DocumentStream,
    LinkedObjectsRepository,
    CampaignsService,
    CampaignsRepository,
  ],
  exports: [GroupsService, GroupsRepository],
})
export class CollaborationModule {}
