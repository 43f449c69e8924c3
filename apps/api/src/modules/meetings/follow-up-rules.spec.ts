import { describe, expect, it } from 'vitest';
import type { OrganisationRole } from '@tadamon/shared';
import type { Actor } from '../../common/auth/actor.js';
import { actionItemData, assigneeChanged, isAssignable, isParticipant, mayUpdateStatus, minutesShown } from './follow-up-rules.js';

function actor(organisations: [string, OrganisationRole][]): Actor {
  return {
    userId: 'user-1',
    sessionId: 's',
    sessionTokenHash: 'h',
    email: null,
    phone: null,
    username: null,
    sharedDevice: false,
    name: 'Someone',
    preferredLanguage: 'en',
    timeZone: 'UTC',
    isPlatformAdmin: false,
    organisations: new Map(organisations.map(([id, role]) => [id, { role, networkId: 'n', name: id, networkName: 'N' }])),
    networks: new Map(),
  };
}

describe('who reads what came out of a meeting', () => {
  it("the host's managers, leaders answering for an invited organisation, and people registered who did not say no", () => {
    const none = { manages: false, respondsForAnOrganisation: false, registrationAnswer: null };
    expect(isParticipant({ ...none, manages: true })).toBe(true);
    expect(isParticipant({ ...none, respondsForAnOrganisation: true })).toBe(true);
    expect(isParticipant({ ...none, registrationAnswer: 'YES' })).toBe(true);
    expect(isParticipant({ ...none, registrationAnswer: 'MAYBE' })).toBe(true);
    expect(isParticipant({ ...none, registrationAnswer: 'NO' })).toBe(false);
    expect(isParticipant(none)).toBe(false);
  });

  it('draft minutes only for their editors; published ones for every participant', () => {
    expect(minutesShown(null, true)).toBe(false);
    expect(minutesShown({ publishedAt: null }, true)).toBe(true);
    expect(minutesShown({ publishedAt: null }, false)).toBe(false);
    expect(minutesShown({ publishedAt: new Date() }, false)).toBe(true);
  });
});

describe('action items', () => {
  const meeting = { hostOrganisationId: 'host' };

  it('go to the host or an invited organisation; an unknown one or one not invited is refused', () => {
    expect(isAssignable(meeting, { id: 'host' }, false)).toBe(true);
    expect(isAssignable(meeting, { id: 'guest' }, true)).toBe(true);
    expect(isAssignable(meeting, { id: 'stranger' }, false)).toBe(false);
    expect(isAssignable(meeting, undefined, false)).toBe(false);
  });

  it("move along by the assignee's leaders or the host's managers; not by the assignee's volunteers or another organisation", () => {
    const item = { assigneeOrganisationId: 'guest' };
    expect(mayUpdateStatus(actor([['guest', 'ORG_LEADER']]), item, false)).toBe(true);
    expect(mayUpdateStatus(actor([['host', 'ORG_LEADER']]), item, true)).toBe(true);
    expect(mayUpdateStatus(actor([['guest', 'VOLUNTEER']]), item, false)).toBe(false);
    expect(mayUpdateStatus(actor([['other', 'ORG_LEADER']]), item, false)).toBe(false);
  });

  it('notify the assignee when first given to them or handed to another organisation, not on every edit', () => {
    expect(assigneeChanged(null, { assigneeOrganisationId: 'guest' })).toBe(true);
    expect(assigneeChanged('host', { assigneeOrganisationId: 'guest' })).toBe(true);
    expect(assigneeChanged('guest', { assigneeOrganisationId: 'guest' })).toBe(false);
  });

  it('keep a due day that exists and refuse one that does not (2027-02-30) with a field error', () => {
    const input = { title: 'Send the report', description: '', assigneeOrganisationId: 'guest', status: 'OPEN' as const };
    expect(actionItemData({ ...input, dueDate: '2027-02-28' }).dueDate?.toISOString()).toBe('2027-02-28T00:00:00.000Z');
    expect(actionItemData({ ...input, dueDate: null }).dueDate).toBeNull();
    expect(() => actionItemData({ ...input, dueDate: '2027-02-30' })).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
});
