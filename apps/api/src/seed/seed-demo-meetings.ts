import type { Prisma } from '../generated/prisma/client.js';
import { localToInstant } from '../modules/meetings/meeting-time.js';
import type { DemoContext } from './demo-context.js';

type Tx = Prisma.TransactionClient;
const ZONE = 'Africa/Casablanca';
const DAY = 86_400_000;

/**
 * Three network meetings a demo visitor can try at once:
 * - a weekly legal-aid meeting in Tangier from late January to mid-April 2027, held at 10:00 Tangier time
 *   every week although Morocco moves from UTC+1 to UTC+0 for Ramadan (about 8 Feb – 9 Mar 2027):
 *   its instants shift by an hour and back, its wall-clock time never does;
 * - a workshop whose time is still being found with a poll (answer it as leader.bamako);
 * - last fortnight's steering meeting, with published minutes, attendance and action items.
 */
export async function seedDemoMeetings(tx: Tx, context: DemoContext, now: Date): Promise<void> {
  const tangier = context.organisation('tangier');
  const women = context.organisation('tangier-women');
  const bamako = context.organisation('bamako-mutual');
  const brussels = context.organisation('brussels');
  const leader = context.user('leader@example.org');
  const coordinator = context.user('coordinator@example.org');

  await tx.meeting.create({
    data: {
      networkId: context.networkId,
      hostOrganisationId: tangier,
      createdById: leader,
      title: 'Permanence juridique inter-associations (hebdomadaire)',
      description:
        'Every Thursday at 10:00 Tangier time, volunteers of both Tangier organisations review the week’s legal-aid cases ' +
        '(CNSS registration, AMO health cover, labour disputes). During Ramadan Morocco is on UTC+0: the meeting stays at 10:00 in Tangier.',
      format: 'HYBRID',
      address: 'Maison des associations, rue d’Italie, Tanger',
      onlineUrl: 'https://meet.example.org/permanence-juridique',
      startsAt: localToInstant('2027-01-28T10:00', ZONE, 'start'),
      endsAt: localToInstant('2027-01-28T11:30', ZONE, 'end'),
      timeZone: ZONE,
      recurrence: 'FREQ=WEEKLY;BYDAY=TH;COUNT=12',
      languages: ['ar', 'fr'],
      reminderMinutes: [60],
      invitedOrganisations: {
        create: [
          { organisationId: tangier, response: 'ACCEPTED', respondedById: leader, respondedAt: now },
          { organisationId: women },
        ],
      },
      agendaItems: {
        create: [
          { position: 0, title: 'New cases of the week', presenter: 'Karim Leader', durationMinutes: 45 },
          { position: 1, title: 'Follow-up with the CNSS office', presenter: '', durationMinutes: 30 },
        ],
      },
      registrations: { create: [{ userId: leader, organisationId: tangier, answer: 'YES' }] },
    },
  });

  // Three proposed times in the week after next, 14:00 UTC (15:00 in Tangier and Brussels, 14:00 in Bamako).
  const firstDay = startOfUtcDay(new Date(now.getTime() + 9 * DAY));
  const slots = [0, 1, 2].map((offset) => {
    const startsAt = new Date(firstDay.getTime() + offset * DAY + 14 * 3_600_000);
    return { position: offset, startsAt, endsAt: new Date(startsAt.getTime() + 90 * 60_000) };
  });
  await tx.meeting.create({
    data: {
      networkId: context.networkId,
      hostOrganisationId: tangier,
      createdById: leader,
      title: 'Atelier : financer la protection sociale des travailleurs informels',
      description:
        'A workshop with the mutuals of Mali and Netwerk tegen Armoede on contributory schemes for informal workers. ' +
        'Say which of the proposed times suit you; the host then picks one.',
      format: 'ONLINE',
      onlineUrl: 'https://meet.example.org/atelier-informel',
      startsAt: slots[0]!.startsAt,
      endsAt: slots[0]!.endsAt,
      timeZone: ZONE,
      languages: ['fr', 'en'],
      interpretationNeeds: 'French ↔ Dutch',
      status: 'PLANNING',
      pollSlots: { create: slots },
      invitedOrganisations: { create: [{ organisationId: tangier }, { organisationId: bamako }, { organisationId: brussels }] },
    },
  });
  const created = await tx.meeting.findFirstOrThrow({ where: { networkId: context.networkId, status: 'PLANNING' }, include: { pollSlots: true } });
  const [first, second] = created.pollSlots.sort((a, b) => a.position - b.position);
  await tx.meetingPollAnswer.createMany({
    data: [
      { slotId: first!.id, userId: leader, choice: 'YES' },
      { slotId: second!.id, userId: leader, choice: 'IF_NEED_BE' },
      { slotId: first!.id, userId: context.user('leader.brussels@example.org'), choice: 'NO' },
      { slotId: second!.id, userId: context.user('leader.brussels@example.org'), choice: 'YES' },
    ],
  });

  const pastStart = new Date(startOfUtcDay(new Date(now.getTime() - 14 * DAY)).getTime() + 9 * 3_600_000);
  await tx.meeting.create({
    data: {
      networkId: context.networkId,
      hostOrganisationId: tangier,
      createdById: coordinator,
      title: 'Comité de pilotage du réseau – bilan trimestriel',
      description: 'Quarterly review of the network’s training plan, certification and the joint letter on social protection.',
      format: 'ONLINE',
      onlineUrl: 'https://meet.example.org/comite-pilotage',
      startsAt: pastStart,
      endsAt: new Date(pastStart.getTime() + 2 * 3_600_000),
      timeZone: ZONE,
      languages: ['fr', 'ar', 'nl'],
      wholeNetwork: true,
      agendaItems: {
        create: [
          { position: 0, title: 'Training plan: first-aid and legal-aid courses', presenter: 'Nadia Coordinatrice', durationMinutes: 40 },
          { position: 1, title: 'Joint letter on social protection floors', presenter: 'Karim Leader', durationMinutes: 40 },
        ],
      },
      registrations: {
        create: [
          { userId: coordinator, answer: 'YES' },
          { userId: leader, organisationId: tangier, answer: 'YES' },
          { userId: context.user('leader.bamako@example.org'), organisationId: bamako, answer: 'YES' },
        ],
      },
      attendance: {
        create: [
          { userId: coordinator, status: 'PRESENT', recordedById: coordinator },
          { userId: leader, status: 'PRESENT', recordedById: coordinator },
          { userId: context.user('leader.bamako@example.org'), status: 'EXCUSED', recordedById: coordinator },
        ],
      },
      minutes: {
        create: {
          body:
            '## Decisions\n\n' +
            '1. The first-aid course becomes the first step of the volunteer path; certificates are valid two years.\n' +
            '2. The joint letter to the Ministry goes out for signature once Union des femmes de Tanger has reviewed it.\n\n' +
            '## Next meeting\n\nIn three months, online.',
          publishedAt: new Date(pastStart.getTime() + 3 * 3_600_000),
          updatedById: coordinator,
        },
      },
      actionItems: {
        create: [
          {
            title: 'Collect the signatures for the joint letter',
            description: 'Ask each organisation’s leader to sign on the platform.',
            assigneeOrganisationId: tangier,
            dueDate: startOfUtcDay(new Date(now.getTime() + 10 * DAY)),
            createdById: coordinator,
          },
          {
            title: 'Share the mutuals’ contribution tables',
            assigneeOrganisationId: bamako,
            dueDate: startOfUtcDay(new Date(now.getTime() + 21 * DAY)),
            createdById: coordinator,
          },
        ],
      },
    },
  });
}

function startOfUtcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}
