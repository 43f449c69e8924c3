import { z } from 'zod';
import { timeZoneSchema, uuidSchema } from './common.js';

export const MEETING_FORMATS = ['IN_PERSON', 'ONLINE', 'HYBRID'] as const;
export const MEETING_ANSWERS = ['YES', 'MAYBE', 'NO'] as const;
export const MEETING_ORGANISATION_RESPONSES = ['PENDING', 'ACCEPTED', 'DECLINED'] as const;
export type MeetingFormat = (typeof MEETING_FORMATS)[number];
export type MeetingAnswer = (typeof MEETING_ANSWERS)[number];
/** PLANNING: the time is still being found with a poll. */
export const MEETING_STATUSES = ['SCHEDULED', 'CANCELLED', 'PLANNING'] as const;

/**
 * Wall-clock time in the meeting's own zone, as a person types it ("2027-01-25T10:00").
 * The API turns it into a UTC instant with the zone's rules of that day, so the host never
 * has to know the offset — and a non-existent time (inside a DST gap) is refused.
 */
export const localDateTimeSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'localDateTime');

/** An RRULE body without DTSTART, e.g. FREQ=WEEKLY;COUNT=8. Parsed fully by the API. */
export const recurrenceSchema = z
  .string()
  .trim()
  .max(300)
  .regex(/^FREQ=(DAILY|WEEKLY|MONTHLY|YEARLY)(;[A-Z]+=[A-Z0-9,+-]+)*$/, 'recurrence');

export const agendaItemInputSchema = z.strictObject({
  title: z.string().trim().min(1).max(200),
  presenter: z.string().trim().max(200).default(''),
  durationMinutes: z.number().int().min(1).max(600),
});

/** Everything the host decides. Sent whole on create (POST) and on edit (PUT). */
const meetingFields = {
  title: z.string().trim().min(1).max(200),
  description: z.string().max(10_000).default(''),
  invitedOrganisationIds: z.array(uuidSchema).max(500).default([]),
  /** Open to every organisation of the host's network. */
  wholeNetwork: z.boolean().default(false),
  format: z.enum(MEETING_FORMATS),
  address: z.string().trim().max(500).nullable().default(null),
  onlineUrl: z.url({ protocol: /^https?$/ }).max(500).nullable().default(null),
  startLocal: localDateTimeSchema,
  endLocal: localDateTimeSchema,
  timeZone: timeZoneSchema,
  recurrence: recurrenceSchema.nullable().default(null),
  /** Languages spoken at the meeting: BCP 47 primary tags, not only the interface languages. */
  languages: z.array(z.string().regex(/^[a-z]{2,3}$/, 'languageTag')).max(20).default([]),
  interpretationNeeds: z.string().trim().max(1000).default(''),
  capacity: z.number().int().min(1).max(100_000).nullable().default(null),
  registrationDeadlineLocal: localDateTimeSchema.nullable().default(null),
  agenda: z.array(agendaItemInputSchema).max(50).default([]),
  /** Minutes before each date at which participants are reminded by e-mail (none: []). */
  reminderMinutes: z.array(z.number().int().min(5).max(20_160)).max(4).default([1440, 60]),
};

/** Reminder choices the screen offers: one week, one day, one hour, fifteen minutes. */
export const REMINDER_CHOICES = [10_080, 1440, 60, 15] as const;

type Fields = {
  format: MeetingFormat;
  address: string | null;
  onlineUrl: string | null;
  startLocal: string;
  endLocal: string;
  wholeNetwork: boolean;
  invitedOrganisationIds: string[];
};

/** Rules across fields, reported on the field a person must fix. */
function checkMeeting(value: Fields, ctx: z.RefinementCtx) {
  // Same format and zone: comparing the strings compares the wall-clock times.
  if (value.endLocal <= value.startLocal) {
    ctx.addIssue({ code: 'custom', path: ['endLocal'], message: 'endBeforeStart' });
  }
  checkPlaceAndInvitations(value, ctx);
}

/** The rules that do not depend on the time (a find-a-time poll has no time yet). */
function checkPlaceAndInvitations(value: Omit<Fields, 'startLocal' | 'endLocal'>, ctx: z.RefinementCtx) {
  if (value.format !== 'ONLINE' && !value.address) {
    ctx.addIssue({ code: 'custom', path: ['address'], message: 'addressRequired' });
  }
  if (value.format !== 'IN_PERSON' && !value.onlineUrl) {
    ctx.addIssue({ code: 'custom', path: ['onlineUrl'], message: 'onlineUrlRequired' });
  }
  if (!value.wholeNetwork && value.invitedOrganisationIds.length === 0) {
    ctx.addIssue({ code: 'custom', path: ['invitedOrganisationIds'], message: 'nobodyInvited' });
  }
}

export const meetingCreateSchema = z
  .strictObject({ hostOrganisationId: uuidSchema, ...meetingFields })
  .superRefine(checkMeeting);
export type MeetingCreate = z.infer<typeof meetingCreateSchema>;

export const meetingUpdateSchema = z.strictObject(meetingFields).superRefine(checkMeeting);
export type MeetingUpdate = z.infer<typeof meetingUpdateSchema>;

/**
 * A meeting whose time is found with a poll: everything but the time, and the proposed times
 * (wall clock in `timeZone`). No recurrence or registration deadline until a time is picked.
 */
export const pollSlotInputSchema = z
  .strictObject({ startLocal: localDateTimeSchema, endLocal: localDateTimeSchema })
  .refine((s) => s.endLocal > s.startLocal, { path: ['endLocal'], message: 'endBeforeStart' });
const { startLocal: _s, endLocal: _e, recurrence: _r, registrationDeadlineLocal: _d, ...pollMeetingFields } = meetingFields;
export const meetingPollCreateSchema = z
  .strictObject({
    hostOrganisationId: uuidSchema,
    ...pollMeetingFields,
    slots: z.array(pollSlotInputSchema).min(1, 'pollNoSlots').max(20),
  })
  .superRefine((value, ctx) => {
    checkPlaceAndInvitations(value, ctx);
    const starts = value.slots.map((s) => s.startLocal);
    if (new Set(starts).size !== starts.length) ctx.addIssue({ code: 'custom', path: ['slots'], message: 'pollDuplicateSlot' });
  });
export type MeetingPollCreate = z.infer<typeof meetingPollCreateSchema>;

/** Moves one occurrence of a series to another time (wall clock in the meeting's zone). */
export const occurrenceMoveSchema = z
  .strictObject({
    occurrenceStart: z.iso.datetime({ offset: true }),
    startLocal: localDateTimeSchema,
    endLocal: localDateTimeSchema,
  })
  .refine((s) => s.endLocal > s.startLocal, { path: ['endLocal'], message: 'endBeforeStart' });
export type OccurrenceMove = z.infer<typeof occurrenceMoveSchema>;

export const occurrenceCancelSchema = z.strictObject({ occurrenceStart: z.iso.datetime({ offset: true }) });

export const meetingRegistrationInputSchema = z.strictObject({ answer: z.enum(MEETING_ANSWERS) });
export type RegistrationInput = z.infer<typeof meetingRegistrationInputSchema>;

export const organisationResponseInputSchema = z.strictObject({
  response: z.enum(['ACCEPTED', 'DECLINED']),
  delegateUserIds: z.array(uuidSchema).max(50).default([]),
});
export type OrganisationResponseInput = z.infer<typeof organisationResponseInputSchema>;

export const meetingListQuerySchema = z.strictObject({
  when: z.enum(['upcoming', 'past']).default('upcoming'),
});

/**
 * Wall-clock times ("YYYY-MM-DDTHH:mm") come computed by the server, in the host's zone and in
 * the reader's (their profile's) zone: browsers on old phones — and even current Chromium for
 * Africa/Casablanca — carry stale zone data, so the screen never converts zones itself.
 */
const occurrenceSchema = z.object({
  startsAt: z.string(),
  endsAt: z.string(),
  hostLocal: z.string(),
  viewerLocal: z.string(),
});

export const myRegistrationSchema = z.object({
  answer: z.enum(MEETING_ANSWERS),
  seat: z.enum(['CONFIRMED', 'WAITING']),
  delegate: z.boolean(),
  /** Position on the waiting list, 1 = next to get a seat. */
  waitingPosition: z.number().int().nullable(),
});

export const meetingSummarySchema = z.object({
  id: uuidSchema,
  title: z.string(),
  hostOrganisationName: z.string(),
  format: z.enum(MEETING_FORMATS),
  status: z.enum(MEETING_STATUSES),
  timeZone: z.string(),
  /** The next occurrence (or the first, for a past meeting). */
  startsAt: z.string(),
  endsAt: z.string(),
  startHostLocal: z.string(),
  startViewerLocal: z.string(),
  viewerTimeZone: z.string(),
  recurring: z.boolean(),
  myAnswer: z.enum(MEETING_ANSWERS).nullable(),
});
export type MeetingSummary = z.infer<typeof meetingSummarySchema>;

export const meetingDetailSchema = z.object({
  id: uuidSchema,
  networkId: uuidSchema,
  title: z.string(),
  description: z.string(),
  hostOrganisation: z.object({ id: uuidSchema, name: z.string() }),
  wholeNetwork: z.boolean(),
  invitedOrganisations: z.array(
    z.object({
      id: uuidSchema,
      name: z.string(),
      country: z.string(),
      response: z.enum(MEETING_ORGANISATION_RESPONSES),
    }),
  ),
  format: z.enum(MEETING_FORMATS),
  address: z.string().nullable(),
  onlineUrl: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  startLocal: z.string(),
  endLocal: z.string(),
  /** The first start in the reader's zone (the next one is in upcomingOccurrences). */
  startViewerLocal: z.string(),
  timeZone: z.string(),
  recurrence: z.string().nullable(),
  excludedStarts: z.array(z.string()),
  upcomingOccurrences: z.array(occurrenceSchema),
  languages: z.array(z.string()),
  interpretationNeeds: z.string(),
  capacity: z.number().nullable(),
  registrationDeadline: z.string().nullable(),
  registrationDeadlineLocal: z.string().nullable(),
  registrationDeadlineViewerLocal: z.string().nullable(),
  reminderMinutes: z.array(z.number()),
  viewerTimeZone: z.string(),
  status: z.enum(MEETING_STATUSES),
  sequence: z.number(),
  agenda: z.array(z.object({ title: z.string(), presenter: z.string(), durationMinutes: z.number() })),
  counts: z.object({ yes: z.number(), maybe: z.number(), no: z.number(), waiting: z.number() }),
  myRegistration: myRegistrationSchema.nullable(),
  /** What the caller may do here, so the screen shows only buttons that work. */
  canManage: z.boolean(),
  /** Invited organisations the caller leads and may answer for. */
  canRespondFor: z.array(uuidSchema),
  canSeeAttendees: z.boolean(),
  /** The caller's other meetings (registered yes/maybe) that overlap this one. */
  conflicts: z.array(z.object({ id: uuidSchema, title: z.string(), startsAt: z.string(), endsAt: z.string(), viewerLocal: z.string() })),
  /** The meeting's time was (or is being) found with a poll. */
  hasPoll: z.boolean(),
  /** Occurrences moved to another time: the rule's start and the new one. */
  movedOccurrences: z.array(z.object({ originalStart: z.string(), startsAt: z.string(), hostLocal: z.string(), viewerLocal: z.string() })),
  /** The caller may read minutes and action items (host's managers, invited leaders, people who came). */
  canSeeFollowUp: z.boolean(),
});
export type MeetingDetail = z.infer<typeof meetingDetailSchema>;

export const attendeeSchema = z.object({
  userId: uuidSchema,
  name: z.string(),
  organisationName: z.string().nullable(),
  answer: z.enum(MEETING_ANSWERS),
  seat: z.enum(['CONFIRMED', 'WAITING']),
  delegate: z.boolean(),
});
export const attendeeListSchema = z.object({ items: z.array(attendeeSchema) });
export type Attendee = z.infer<typeof attendeeSchema>;

export const calendarFeedSchema = z.object({ url: z.string() });

/**
 * "What time is that for them?": the form sends the times typed in the meeting's zone and the
 * zones of the invited organisations; the API converts (browsers carry stale zone rules).
 */
export const meetingTimeInZonesInputSchema = z.strictObject({
  startLocal: localDateTimeSchema,
  endLocal: localDateTimeSchema,
  timeZone: timeZoneSchema,
  zones: z.array(timeZoneSchema).min(1).max(100),
});
export type MeetingTimeInZonesInput = z.infer<typeof meetingTimeInZonesInputSchema>;
export const meetingTimeInZonesSchema = z.object({
  items: z.array(z.object({ timeZone: z.string(), startLocal: z.string(), endLocal: z.string() })),
});
export type MeetingTimeInZones = z.infer<typeof meetingTimeInZonesSchema>;
