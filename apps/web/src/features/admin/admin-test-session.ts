import type { Session } from '../../lib/session';
import { volunteerSession } from '../../test/render';

/** A platform admin's session for the administration screens' tests. */
export const adminSession: Session = {
  ...volunteerSession,
  user: { ...volunteerSession.user, id: '00000000-0000-4000-8000-0000000000ad', name: 'Youssef Administrateur', isPlatformAdmin: true },
  memberships: [],
  primaryRole: 'PLATFORM_ADMIN',
  permissions: ['profile.manage', 'network.manage', 'networks.create', 'organisation.create', 'members.inviteLeader', 'accounts.disable', 'jobs.manage'],
};
