import type { Prisma } from '../generated/prisma/client.js';
import type { DemoContext } from './demo-context.js';

type Tx = Prisma.TransactionClient;
const DAY = 86_400_000;

const LETTER_FR = `Madame la Ministre,

Nos organisations accompagnent chaque semaine des familles, des travailleuses et des travailleurs de l’économie informelle qui n’ont accès ni à l’assurance maladie ni à une pension.

Nous demandons :

1. l’inscription simplifiée des travailleurs informels à l’AMO ;
2. un socle de protection sociale conforme à la Recommandation 202 de l’OIT ;
3. la consultation des associations de terrain dans le suivi de la réforme.

Veuillez agréer, Madame la Ministre, l’expression de notre haute considération.`;

const LETTER_EN = `Dear Minister,

Every week our organisations support families and workers of the informal economy who have neither health insurance nor a pension.

We ask for:

1. simplified registration of informal workers with the AMO health scheme;
2. a social protection floor in line with ILO Recommendation 202;
3. the involvement of grassroots associations in monitoring the reform.

Yours faithfully,`;

/**
 * A working group of the demo network with what it is for: a discussion under way, a joint
 * letter that Association Al Amal Tanger has signed and the Malian mutuals still have to sign
 * (leader.bamako), and a campaign that ties the letter, last fortnight's meeting and milestones.
 */
export async function seedDemoCollaboration(tx: Tx, context: DemoContext, now: Date): Promise<void> {
  const tangier = context.organisation('tangier');
  const women = context.organisation('tangier-women');
  const bamako = context.organisation('bamako-mutual');
  const brussels = context.organisation('brussels');
  const leader = context.user('leader@example.org');
  const volunteer = context.user('volunteer@example.org');
  const bamakoLeader = context.user('leader.bamako@example.org');
  const brusselsLeader = context.user('leader.brussels@example.org');
  const ago = (days: number) => new Date(now.getTime() - days * DAY);

  const group = await tx.workingGroup.create({
    data: {
      networkId: context.networkId,
      name: 'Protection sociale pour tous',
      description:
        'Advocacy for social protection floors: health cover and pensions for informal workers in Morocco, Mali and Belgium.',
      audience: 'ORGANISATIONS',
      createdById: leader,
      organisations: { create: [tangier, women, bamako, brussels].map((organisationId) => ({ organisationId })) },
      coordinators: { create: [{ userId: leader }] },
      followers: { create: [{ userId: leader }, { userId: volunteer }, { userId: bamakoLeader }] },
    },
  });

  await tx.discussionThread.create({
    data: {
      groupId: group.id,
      title: 'Which demands for the letter to the Ministry?',
      authorId: leader,
      createdAt: ago(6),
      lastPostAt: ago(2),
      posts: {
        create: [
          {
            authorId: leader,
            createdAt: ago(6),
            body: 'I propose three demands: simplified AMO registration, a floor in line with ILO R202, and a say for grassroots associations. What would you add?',
          },
          {
            authorId: bamakoLeader,
            createdAt: ago(4),
            body: 'In Mali the mutuals learned that contributions must follow the harvest calendar. Could the letter mention flexible contribution dates?',
          },
          {
            authorId: brusselsLeader,
            createdAt: ago(2),
            body: 'Agreed. From Brussels we can add the “Decent Work for All” charter as an annex.',
          },
        ],
      },
    },
  });

  const letter = await tx.jointDocument.create({
    data: {
      groupId: group.id,
      ownerOrganisationId: tangier,
      kind: 'LETTER',
      status: 'OPEN_FOR_SIGNATURE',
      createdById: leader,
      createdAt: ago(8),
      statusChangedAt: ago(3),
      versions: {
        create: [
          { language: 'fr', title: 'Lettre ouverte : une protection sociale pour les travailleurs informels', body: LETTER_FR, revision: 3 },
          { language: 'en', title: 'Open letter: social protection for informal workers', body: LETTER_EN, revision: 2 },
        ],
      },
      signatories: {
        create: [
          { organisationId: tangier, status: 'SIGNED', decidedById: leader, decidedByName: 'Karim Leader', decidedAt: ago(2), invitedAt: ago(3) },
          { organisationId: bamako, status: 'INVITED', invitedAt: ago(3) },
          { organisationId: women, status: 'INVITED', invitedAt: ago(3) },
        ],
      },
    },
  });

  const steering = await tx.meeting.findFirst({ where: { networkId: context.networkId, minutes: { isNot: null } }, select: { id: true } });
  await tx.campaign.create({
    data: {
      groupId: group.id,
      ownerOrganisationId: tangier,
      title: 'Campagne « AMO pour toutes et tous »',
      goal: 'Health cover for 5,000 informal workers in Tangier by the end of 2027, through simplified AMO registration.',
      createdById: leader,
      milestones: {
        create: [
          { title: 'Letter signed by four organisations', dueOn: new Date(now.getTime() + 14 * DAY) },
          { title: 'Meeting with the regional CNSS office', dueOn: new Date(now.getTime() + 45 * DAY) },
          { title: 'Group’s demands agreed', dueOn: ago(5), doneAt: ago(5) },
        ],
      },
      organisations: { create: [{ organisationId: tangier, joinedById: leader }, { organisationId: brussels, joinedById: brusselsLeader }] },
      documents: { create: [{ documentId: letter.id }] },
      ...(steering ? { meetings: { create: [{ meetingId: steering.id }] } } : {}),
    },
  });
}
