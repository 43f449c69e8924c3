import type { z } from 'zod';
import type { MeetingDetail, meetingCreateSchema } from '@tadamon/shared';

export type MeetingFormValues = z.input<typeof meetingCreateSchema>;

/** Languages offered in the form: the interface languages and those most spoken in the network. */
export const MEETING_LANGUAGE_CHOICES = ['ar', 'fr', 'en', 'es', 'nl', 'pt', 'bm', 'wo', 'ff', 'sw', 'zgh'] as const;

/** Repetition choices; the count is asked separately so every series has an end. */
export const REPEAT_CHOICES = ['none', 'FREQ=WEEKLY', 'FREQ=WEEKLY;INTERVAL=2', 'FREQ=MONTHLY'] as const;
export type RepeatChoice = (typeof REPEAT_CHOICES)[number];
/** Translation key (meetings:repeat.<key>) of each choice. */
export const REPEAT_LABELS: Record<RepeatChoice, 'none' | 'weekly' | 'fortnightly' | 'monthly'> = {
  none: 'none',
  'FREQ=WEEKLY': 'weekly',
  'FREQ=WEEKLY;INTERVAL=2': 'fortnightly',
  'FREQ=MONTHLY': 'monthly',
};

export function splitRecurrence(rule: string | null | undefined): { repeat: RepeatChoice; count: number } {
  if (!rule) return { repeat: 'none', count: 4 };
  const count = Number(/COUNT=(\d+)/.exec(rule)?.[1] ?? 4);
  const base = rule.replace(/;COUNT=\d+/, '');
  const repeat = (REPEAT_CHOICES as readonly string[]).includes(base) ? (base as RepeatChoice) : 'FREQ=WEEKLY';
  return { repeat, count };
}

export function joinRecurrence(repeat: RepeatChoice, count: number): string | null {
  return repeat === 'none' ? null : `${repeat};COUNT=${Math.max(1, Math.min(count, 200))}`;
}

export function valuesFromMeeting(meeting: MeetingDetail): MeetingFormValues {
  return {
    hostOrganisationId: meeting.hostOrganisation.id,
    title: meeting.title,
    description: meeting.description,
    invitedOrganisationIds: meeting.invitedOrganisations.map((o) => o.id),
    wholeNetwork: meeting.wholeNetwork,
    format: meeting.format,
    address: meeting.address,
    onlineUrl: meeting.onlineUrl,
    startLocal: meeting.startLocal,
    endLocal: meeting.endLocal,
    timeZone: meeting.timeZone,
    recurrence: meeting.recurrence,
    languages: meeting.languages,
    interpretationNeeds: meeting.interpretationNeeds,
    capacity: meeting.capacity,
    registrationDeadlineLocal: meeting.registrationDeadlineLocal,
    agenda: meeting.agenda,
    reminderMinutes: meeting.reminderMinutes,
  };
}
