import type { MeetingDetail, MeetingSummary } from '@tadamon/shared';
import { instantToLocal, upcomingOccurrences, type Occurrence } from './meeting-time.js';
import type { StoredMeeting } from './meetings.repository.js';

export interface DetailExtras {
  hostOrganisation: { id: string; name: string };
  invitedOrganisations: { id: string; name: string; country: string }[];
  counts: MeetingDetail['counts'];
  myRegistration: MeetingDetail['myRegistration'];
  canManage: boolean;
  canRespondFor: string[];
  canSeeFollowUp: boolean;
  conflicts: { id: string; title: string; occurrence: Occurrence }[];
}

const iso = (d: Date) => d.toISOString();

export function toDetail(meeting: StoredMeeting, extras: DetailExtras, now: Date, viewerZone: string): MeetingDetail {
  const local = (d: Date) => ({ hostLocal: instantToLocal(d, meeting.timeZone), viewerLocal: instantToLocal(d, viewerZone) });
  const responses = new Map(meeting.invitedOrganisations.map((i) => [i.organisationId, i.response]));
  return {
    id: meeting.id,
    networkId: meeting.networkId,
    title: meeting.title,
    description: meeting.description,
    hostOrganisation: extras.hostOrganisation,
    wholeNetwork: meeting.wholeNetwork,
    invitedOrganisations: extras.invitedOrganisations.map((o) => ({ ...o, response: responses.get(o.id) ?? 'PENDING' })),
    format: meeting.format,
    address: meeting.address,
    onlineUrl: meeting.onlineUrl,
    startsAt: iso(meeting.startsAt),
    endsAt: iso(meeting.endsAt),
    startLocal: instantToLocal(meeting.startsAt, meeting.timeZone),
    endLocal: instantToLocal(meeting.endsAt, meeting.timeZone),
    startViewerLocal: instantToLocal(meeting.startsAt, viewerZone),
    timeZone: meeting.timeZone,
    recurrence: meeting.recurrence,
    excludedStarts: meeting.excludedStarts.map(iso),
    upcomingOccurrences: upcomingOccurrences(meeting, now, 10).map((o) => ({ startsAt: iso(o.startsAt), endsAt: iso(o.endsAt), ...local(o.startsAt) })),
    languages: meeting.languages,
    interpretationNeeds: meeting.interpretationNeeds,
    capacity: meeting.capacity,
    registrationDeadline: meeting.registrationDeadline ? iso(meeting.registrationDeadline) : null,
    registrationDeadlineLocal: meeting.registrationDeadline ? instantToLocal(meeting.registrationDeadline, meeting.timeZone) : null,
    registrationDeadlineViewerLocal: meeting.registrationDeadline ? instantToLocal(meeting.registrationDeadline, viewerZone) : null,
    viewerTimeZone: viewerZone,
    reminderMinutes: meeting.reminderMinutes,
    status: meeting.status,
    sequence: meeting.sequence,
    agenda: meeting.agendaItems.map((a) => ({ title: a.title, presenter: a.presenter, durationMinutes: a.durationMinutes })),
    counts: extras.counts,
    myRegistration: extras.myRegistration,
    canManage: extras.canManage,
    canRespondFor: extras.canRespondFor,
    canSeeAttendees: extras.canManage || extras.canRespondFor.length > 0,
    hasPoll: meeting.status === 'PLANNING' || meeting.pollClosedAt !== null,
    movedOccurrences: meeting.occurrenceMoves
      .filter((m) => !meeting.excludedStarts.some((d) => d.getTime() === m.originalStart.getTime()))
      .map((m) => ({ originalStart: iso(m.originalStart), startsAt: iso(m.startsAt), ...local(m.startsAt) })),
    canSeeFollowUp: extras.canSeeFollowUp,
    conflicts: extras.conflicts.map((c) => ({
      id: c.id,
      title: c.title,
      startsAt: iso(c.occurrence.startsAt),
      endsAt: iso(c.occurrence.endsAt),
      viewerLocal: instantToLocal(c.occurrence.startsAt, viewerZone),
    })),
  };
}

export function toSummary(
  meeting: StoredMeeting,
  hostName: string,
  occurrence: Occurrence,
  myAnswer: MeetingSummary['myAnswer'],
  viewerZone: string,
): MeetingSummary {
  return {
    id: meeting.id,
    title: meeting.title,
    hostOrganisationName: hostName,
    format: meeting.format,
    status: meeting.status,
    timeZone: meeting.timeZone,
    startsAt: iso(occurrence.startsAt),
    endsAt: iso(occurrence.endsAt),
    startHostLocal: instantToLocal(occurrence.startsAt, meeting.timeZone),
    startViewerLocal: instantToLocal(occurrence.startsAt, viewerZone),
    viewerTimeZone: viewerZone,
    recurring: !!meeting.recurrence,
    myAnswer,
  };
}
