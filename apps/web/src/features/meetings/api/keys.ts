/** Query keys of the meetings feature. */
export const meetingKeys = {
  all: ['meetings'] as const,
  list: (when: 'upcoming' | 'past') => ['meetings', 'list', when] as const,
  detail: (id: string) => ['meetings', 'detail', id] as const,
  attendees: (id: string) => ['meetings', 'detail', id, 'attendees'] as const,
};
