import { meetingListKey } from '../../../api/get-meetings';

/** Query keys of the meetings feature. */
export const meetingKeys = {
  all: ['meetings'] as const,
  list: meetingListKey,
  detail: (id: string) => ['meetings', 'detail', id] as const,
  attendees: (id: string) => ['meetings', 'detail', id, 'attendees'] as const,
  poll: (id: string) => ['meetings', 'detail', id, 'poll'] as const,
  minutes: (id: string) => ['meetings', 'detail', id, 'minutes'] as const,
  attendance: (id: string) => ['meetings', 'detail', id, 'attendance'] as const,
  actionItems: (id: string) => ['meetings', 'detail', id, 'action-items'] as const,
};
