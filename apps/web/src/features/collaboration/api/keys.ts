/** Query keys of the collaboration space; one answer fills every screen that shows it. */
export const collaborationKeys = {
  groups: (q = '') => ['collaboration', 'groups', q] as const,
  groupsAll: ['collaboration', 'groups'] as const,
  group: (id: string) => ['collaboration', 'group', id] as const,
  groupMembers: (id: string) => ['collaboration', 'group', id, 'members'] as const,
  threads: (groupId: string) => ['collaboration', 'group', groupId, 'threads'] as const,
  documents: (groupId: string) => ['collaboration', 'group', groupId, 'documents'] as const,
  thread: (id: string) => ['collaboration', 'thread', id] as const,
  document: (id: string) => ['collaboration', 'document', id] as const,
  revisions: (id: string, language: string) => ['collaboration', 'document', id, language, 'revisions'] as const,
  diff: (id: string, language: string, from: number, to: number) =>
    ['collaboration', 'document', id, language, 'diff', from, to] as const,
  notifications: ['collaboration', 'notifications'] as const,
  preference: ['collaboration', 'notifications', 'preference'] as const,
  campaigns: (groupId: string) => ['collaboration', 'group', groupId, 'campaigns'] as const,
  campaign: (id: string) => ['collaboration', 'campaign', id] as const,
  comments: (documentId: string) => ['collaboration', 'document', documentId, 'comments'] as const,
};

export const enc = encodeURIComponent;
