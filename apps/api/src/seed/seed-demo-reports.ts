import { DEMOGRAPHICS_CONSENT_VERSION, type DemographicAgeBand, type DemographicGender, type ReportMetric } from '@tadamon/shared';
import type { Prisma } from '../generated/prisma/client.js';
import type { DemoContext } from './demo-context.js';

type Tx = Prisma.TransactionClient;
type Answer = [DemographicGender, DemographicAgeBand];

/**
 * Volunteers who answered "About you" (issue 19), so that the network report's breakdowns by
 * gender and age have groups of 5 or more to show. They cannot sign in (no password); they
 * stand for the members a real network has. About 55 % women and half under 35, like the
 * INSP!R figures, with a few who prefer not to say and a few who never answered (no row).
 */
const DEMO_MEMBERS: Record<string, { name: string; answer: Answer | null }[]> = {
  tangier: [
    { name: 'Hanane El Idrissi', answer: ['WOMAN', 'AGE_25_34'] },
    { name: 'Imane Bouzid', answer: ['WOMAN', 'UNDER_25'] },
    { name: 'Omar Tazi', answer: ['MAN', 'AGE_35_44'] },
    { name: 'Khadija Amrani', answer: ['WOMAN', 'AGE_45_54'] },
    { name: 'Mehdi Alaoui', answer: ['MAN', 'UNDER_25'] },
    { name: 'Soukaina Berrada', answer: ['WOMAN', 'AGE_25_34'] },
    { name: 'Rachid Benjelloun', answer: null },
  ],
  'tangier-women': [
    { name: 'Latifa Chraibi', answer: ['WOMAN', 'AGE_35_44'] },
    { name: 'Naima Ouazzani', answer: ['WOMAN', 'AGE_55_PLUS'] },
    { name: 'Sara Lahlou', answer: ['WOMAN', 'UNDER_25'] },
    { name: 'Meryem Fassi', answer: ['WOMAN', 'AGE_25_34'] },
    { name: 'Zineb Kettani', answer: ['PREFER_NOT_TO_SAY', 'AGE_25_34'] },
  ],
  'bamako-mutual': [
    { name: 'Aminata Traoré', answer: ['WOMAN', 'AGE_25_34'] },
    { name: 'Moussa Keïta', answer: ['MAN', 'AGE_35_44'] },
    { name: 'Fatoumata Diarra', answer: ['WOMAN', 'UNDER_25'] },
    { name: 'Ibrahim Coulibaly', answer: ['MAN', 'AGE_25_34'] },
    { name: 'Mariam Sidibé', answer: ['WOMAN', 'AGE_45_54'] },
    { name: 'Seydou Konaté', answer: ['MAN', 'AGE_55_PLUS'] },
  ],
  'bamako-savings': [
    { name: 'Kadiatou Sangaré', answer: ['WOMAN', 'AGE_35_44'] },
    { name: 'Oumar Sissoko', answer: ['MAN', 'UNDER_25'] },
    { name: 'Assitan Dembélé', answer: ['WOMAN', 'AGE_25_34'] },
    { name: 'Bakary Touré', answer: ['MAN', 'PREFER_NOT_TO_SAY'] },
    { name: 'Rokia Maïga', answer: null },
  ],
  brussels: [
    { name: 'Sofie Peeters', answer: ['WOMAN', 'AGE_45_54'] },
    { name: 'Jonas Janssens', answer: ['MAN', 'AGE_25_34'] },
    { name: 'Lotte Maes', answer: ['WOMAN', 'UNDER_25'] },
    { name: 'Samir Aït Ali', answer: ['ANOTHER', 'AGE_25_34'] },
    { name: 'Els Claes', answer: ['WOMAN', 'AGE_55_PLUS'] },
    { name: 'Bram Willems', answer: ['MAN', 'AGE_35_44'] },
  ],
};

/** Demo accounts one signs in with keep no answer (Salma and Fatima Zahra: try the form); the others answered. */
const DEMO_ACCOUNT_ANSWERS: Record<string, Answer> = {
  'coordinator@example.org': ['WOMAN', 'AGE_35_44'],
  'leader@example.org': ['MAN', 'AGE_25_34'],
  'leader.bamako@example.org': ['WOMAN', 'AGE_45_54'],
  'leader.brussels@example.org': ['MAN', 'AGE_55_PLUS'],
};

/** The network's targets to the end of 2027, as a funder's agreement would set them. */
const DEMO_TARGETS: { metric: ReportMetric; targetValue: number; country: string | null; note: string }[] = [
  { metric: 'CERTIFIED_VOLUNTEERS', targetValue: 1000, country: null, note: 'Partnership 2025–2027' },
  { metric: 'SHARE_WOMEN', targetValue: 50, country: null, note: 'Partnership 2025–2027' },
  { metric: 'SHARE_UNDER_35', targetValue: 50, country: null, note: 'Partnership 2025–2027' },
  { metric: 'PEOPLE_TRAINED', targetValue: 400, country: 'MA', note: '' },
  { metric: 'ORGANISATIONS_ACCREDITED', targetValue: 4, country: null, note: '' },
];
const PERIOD_START = new Date('2025-01-01T00:00:00Z');
const PERIOD_END = new Date('2027-12-31T00:00:00Z');

/** Safe to run again: people are found by their username, answers upserted, targets added once. */
export async function seedDemoReports(tx: Tx, context: DemoContext, now: Date): Promise<void> {
  const consent = { consentedAt: now, consentVersion: DEMOGRAPHICS_CONSENT_VERSION };
  const answer = async (userId: string, [gender, ageBand]: Answer) => {
    await tx.personDemographics.upsert({ where: { userId }, create: { userId, gender, ageBand, ...consent }, update: {} });
  };
  for (const [key, members] of Object.entries(DEMO_MEMBERS)) {
    const organisationId = context.organisation(key);
    for (const [index, member] of members.entries()) {
      const username = `demo.${key}.${index + 1}`;
      const user = await tx.user.upsert({
        where: { username },
        create: { username, name: member.name, preferredLanguage: key === 'brussels' ? 'nl' : 'fr', passwordHash: null },
        update: {},
      });
      await tx.organisationMembership.upsert({
        where: { userId_organisationId: { userId: user.id, organisationId } },
        create: { userId: user.id, organisationId, role: 'VOLUNTEER' },
        update: {},
      });
      if (member.answer) await answer(user.id, member.answer);
    }
  }
  for (const [email, given] of Object.entries(DEMO_ACCOUNT_ANSWERS)) await answer(context.user(email), given);

  const coordinator = context.user('coordinator@example.org');
  for (const target of DEMO_TARGETS) {
    const exists = await tx.reportTarget.findFirst({ where: { networkId: context.networkId, metric: target.metric, country: target.country, periodEnd: PERIOD_END } });
    if (exists) continue;
    await tx.reportTarget.create({
      data: { networkId: context.networkId, ...target, periodStart: PERIOD_START, periodEnd: PERIOD_END, createdById: coordinator },
    });
  }
}
