import type { ActionItemInput } from '@tadamon/shared';
import type { Actor } from '../../common/auth/actor.js';
import { holdsInOrganisation } from '../../common/auth/roles.js';
import { AppError } from '../../common/errors/app-error.js';

/**
 * What comes after a meeting — minutes, action items — and who may do what with it: the rules
 * alone, on plain facts, so they read (and are tested, follow-up-rules.spec.ts) without a
 * database. MeetingFollowUpService loads the facts, asks here, and stores the outcome.
 */

/**
 * Who reads the minutes and action items: the host's managers, leaders of an invited
 * organisation (who can answer for it), and people registered who did not answer "no".
 */
export function isParticipant(facts: { manages: boolean; respondsForAnOrganisation: boolean; registrationAnswer: string | null }): boolean {
  if (facts.manages || facts.respondsForAnOrganisation) return true;
  return facts.registrationAnswer !== null && facts.registrationAnswer !== 'NO';
}

/** Draft minutes are the editors' own; once published every participant reads them. */
export function minutesShown(minutes: { publishedAt: Date | null } | null, canEdit: boolean): boolean {
  return !!minutes && (!!minutes.publishedAt || canEdit);
}

/**
 * An action item goes to the host or to an organisation invited to the meeting (any of the
 * network's when the meeting is open to the whole network); `invited` is the meeting's answer
 * for that organisation (MeetingAccess.isInvited).
 */
export function isAssignable(meeting: { hostOrganisationId: string }, organisation: { id: string } | undefined, invited: boolean): boolean {
  return !!organisation && (organisation.id === meeting.hostOrganisationId || invited);
}

/**
 * The assignee organisation's leaders move an item along (open, in progress, done…), as do the
 * host's managers, who may also change everything else about it.
 */
export function mayUpdateStatus(actor: Actor, item: { assigneeOrganisationId: string }, managesHost: boolean): boolean {
  return holdsInOrganisation(actor, 'meetings.respond', item.assigneeOrganisationId) || managesHost;
}

/** The new assignee hears of an item when it is first given to them, not on every edit. */
export function assigneeChanged(previousAssignee: string | null, item: { assigneeOrganisationId: string }): boolean {
  return previousAssignee !== item.assigneeOrganisationId;
}

/** The stored fields of an action item; a due day that does not exist (2027-02-30) is refused. */
export function actionItemData(input: ActionItemInput) {
  const dueDate = input.dueDate ? new Date(`${input.dueDate}T00:00:00Z`) : null;
  // The schema checks the shape; the calendar is checked here.
  if (dueDate && (Number.isNaN(dueDate.getTime()) || dueDate.toISOString().slice(0, 10) !== input.dueDate)) {
    throw new AppError('VALIDATION_FAILED', 'Not a valid date.', { fields: { dueDate: [{ code: 'custom', message: 'date' }] } });
  }
  return {
    title: input.title,
    description: input.description,
    assigneeOrganisationId: input.assigneeOrganisationId,
    dueDate,
    status: input.status,
  };
}
