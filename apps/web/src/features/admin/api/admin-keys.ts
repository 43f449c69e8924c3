/** Query keys of the administration screens (one place so mutations refresh the right lists). */
export const adminKeys = {
  networks: ['admin', 'networks'] as const,
  accounts: (filters: { q?: string; disabled?: string }) => ['admin', 'accounts', filters] as const,
  accountsAll: ['admin', 'accounts'] as const,
  failedJobs: ['admin', 'jobs', 'failed'] as const,
};
