import type { z } from 'zod';
import type {
  activeSessionSchema,
  currentUserSchema,
  invitationPreviewSchema,
  invitationSchema,
  networkSchema,
} from '@tadamon/shared';

export type CurrentUser = z.infer<typeof currentUserSchema>;
export type ActiveSession = z.infer<typeof activeSessionSchema>;
export type Invitation = z.infer<typeof invitationSchema>;
export type InvitationPreview = z.infer<typeof invitationPreviewSchema>;
export type Network = z.infer<typeof networkSchema>;
export type {
  DirectoryQuery,
  Member,
  OrganisationDetail,
  OrganisationSummary,
  OrganisationType,
  Role,
  OrganisationRole,
  SessionResponse,
  ErrorCode,
} from '@tadamon/shared';
