import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AttendanceInput, AttendanceList } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { meetingKeys } from './keys';

/** GET /api/meetings/:id/attendance (the host) */
export function getAttendance(id: string): Promise<AttendanceList> {
  return api.get(`/meetings/${encodeURIComponent(id)}/attendance`);
}

/** PUT /api/meetings/:id/attendance */
export function recordAttendance(id: string, input: AttendanceInput): Promise<AttendanceList> {
  return api.put(`/meetings/${encodeURIComponent(id)}/attendance`, input);
}

export const attendanceQueryOptions = (id: string) =>
  queryOptions({ queryKey: meetingKeys.attendance(id), queryFn: () => getAttendance(id) });

export function useAttendance(id: string) {
  return useQuery(attendanceQueryOptions(id));
}

export function useRecordAttendance(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AttendanceInput) => recordAttendance(id, input),
    onSuccess: (list) => queryClient.setQueryData(meetingKeys.attendance(id), list),
  });
}
