import { expect } from 'vitest';
import { meetingDetailSchema, type MeetingDetail } from '@tadamon/shared';
import type { PrismaService } from '../../src/common/database/prisma.service.js';
import type { TestClient } from './test-client.js';

/** A valid meeting body; tests override what they are about. */
export function meetingBody(hostOrganisationId: string, invited: string[], overrides: Record<string, unknown> = {}) {
  return {
    hostOrganisationId,
    title: 'Échange Tanger–Bamako sur les mutuelles',
    description: 'Retours d’expérience et plan commun.',
    invitedOrganisationIds: invited,
    format: 'HYBRID',
    address: 'Rue de Fès 12, Tanger',
    onlineUrl: 'https://meet.example.org/tadamon',
    startLocal: '2027-06-10T10:00',
    endLocal: '2027-06-10T12:00',
    timeZone: 'Africa/Casablanca',
    languages: ['fr', 'ar', 'bm'],
    interpretationNeeds: 'Bambara ↔ français',
    capacity: 30,
    agenda: [
      { title: 'Accueil', presenter: 'Nadia', durationMinutes: 15 },
      { title: 'Mutuelles de santé au Mali', presenter: 'Aminata', durationMinutes: 45 },
    ],
    ...overrides,
  };
}

export async function createMeeting(client: TestClient, body: Record<string, unknown>): Promise<MeetingDetail> {
  const response = await client.post('/api/meetings', body);
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return meetingDetailSchema.parse(response.body);
}

/** The wall-clock time of an instant in a zone, as the API takes it ("YYYY-MM-DDTHH:mm"). */
export function localIn(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

/**
 * Everything a request about a meeting could change: the meeting with its agenda, invitations,
 * registrations and moved occurrences, plus the audit entries and notifications that name it.
 * Equal before and after a refused request shows the refusal changed nothing.
 */
export async function meetingState(prisma: PrismaService, meetingId: string) {
  const meeting = await prisma.meeting.findUniqueOrThrow({
    where: { id: meetingId },
    include: {
      agendaItems: { orderBy: { position: 'asc' } },
      invitedOrganisations: { orderBy: { organisationId: 'asc' } },
      registrations: { orderBy: { userId: 'asc' } },
      occurrenceMoves: { orderBy: { originalStart: 'asc' } },
    },
  });
  const auditEvents = await prisma.auditEvent.count({ where: { details: { path: ['meetingId'], equals: meetingId } } });
  const notifications = await prisma.notification.count({ where: { link: `/meetings/${meetingId}` } });
  return { meeting, auditEvents, notifications };
}
