import { AccountsModule } from '../modules/accounts/accounts.module.js';
import { JobsAdminModule } from '../modules/jobs-admin/jobs-admin.module.js';
import { PlatformAdminModule } from '../modules/platform-admin/platform-admin.module.js';
import { AuthModule } from '../modules/auth/auth.module.js';
import { OidcModule } from '../modules/oidc/oidc.module.js';
import { HealthModule } from '../modules/health/health.module.js';
import { OrganisationsModule } from '../modules/organisations/organisations.module.js';
import { AuditLogModule } from '../modules/audit-log/audit-log.module.js';
import { InvitationsModule } from '../modules/invitations/invitations.module.js';
import { PasswordResetModule } from '../modules/password-reset/password-reset.module.js';
import { ProfileModule } from '../modules/profile/profile.module.js';
import { MeetingsModule } from '../modules/meetings/meetings.module.js';
import { MaterialsModule } from '../modules/materials/materials.module.js';
import { NotificationsModule } from '../modules/notifications/notifications.module.js';
import { CollaborationModule } from '../modules/collaboration/collaboration.module.js';
import { CertificatesModule } from '../modules/certificates/certificates.module.js';
import { AccreditationModule } from '../modules/accreditation/accreditation.module.js';
import { LearningModule } from '../modules/learning/learning.module.js';
import { CourseProgressModule } from '../modules/course-progress/course-progress.module.js';
import { CoursesModule } from '../modules/courses/courses.module.js';
import { ChannelsModule } from '../modules/channels/channels.module.js';
import { PersonalDataModule } from '../modules/personal-data/personal-data.module.js';
import { ReportsModule } from '../modules/reports/reports.module.js';
import { VolunteerAccountsModule } from '../modules/volunteer-accounts/volunteer-accounts.module.js';

/**
 * Every feature module of the API, in one list, so adding a feature is one line here.
 * Both entry points (HTTP and worker) load them all: a feature's job handlers live beside it.
 */
export const featureModules = [
  HealthModule,
  AuthModule,
  OidcModule,
  OrganisationsModule,
  AuditLogModule,
  InvitationsModule,
  PasswordResetModule,
  ProfileModule,
  AccountsModule,
  JobsAdminModule,
  PlatformAdminModule,
  MeetingsModule,
  MaterialsModule,
  NotificationsModule,
  CollaborationModule,
  CertificatesModule,
  AccreditationModule,
  LearningModule,
  CourseProgressModule,
  CoursesModule,
  ChannelsModule,
  PersonalDataModule,
  VolunteerAccountsModule,
  ReportsModule,
];
