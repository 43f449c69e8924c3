/** Query keys shared by several features, so one answer fills every screen that shows it. */
export const queryKeys = {
  session: ['session'] as const,
  profile: ['me', 'profile'] as const,
  sessions: ['me', 'sessions'] as const,
  networks: ['networks'] as const,
  directory: (filters: Record<string, unknown>) => ['directory', filters] as const,
  directoryAll: ['directory'] as const,
  organisation: (id: string) => ['organisations', id] as const,
  members: (organisationId: string) => ['organisations', organisationId, 'members'] as const,
  invitations: (organisationId: string) => ['organisations', organisationId, 'invitations'] as const,
};
