import { expect } from 'vitest';
import { meetingDetailSchema, type MeetingDetail } from '@tadamon/shared';
import { meetingBody } from './meeting-fixtures.js';
import type { TestClient } from './test-client.js';

/** A find-a-time body: the meeting without its time, and proposed slots (Casablanca wall clock). */
export function pollBody(hostOrganisationId: string, invited: string[], overrides: Record<string, unknown> = {}) {
  const { startLocal: _s, endLocal: _e, ...rest } = meetingBody(hostOrganisationId, invited);
  return {
    ...rest,
    slots: [
      { startLocal: '2027-06-10T10:00', endLocal: '2027-06-10T12:00' },
      { startLocal: '2027-06-11T15:00', endLocal: '2027-06-11T17:00' },
      { startLocal: '2027-06-14T09:00', endLocal: '2027-06-14T11:00' },
    ],
    ...overrides,
  };
}

export async function createPoll(client: TestClient, body: Record<string, unknown>): Promise<MeetingDetail> {
  const response = await client.post('/api/meetings/polls', body);
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return meetingDetailSchema.parse(response.body);
}
