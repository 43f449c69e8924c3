import type { Prisma } from '../generated/prisma/client.js';
import type { DemoContext } from './demo-context.js';

type Tx = Prisma.TransactionClient;
const DAY = 86_400_000;

const SECTIONS = [
  {
    titles: { fr: 'Gouvernance', ar: 'الحكامة', en: 'Governance' },
    criteria: [
      {
        titles: { fr: 'Assemblée générale annuelle tenue', ar: 'عقد الجمع العام السنوي', en: 'Annual general meeting held' },
        guidance: { fr: 'Joignez le procès-verbal de la dernière AG.', en: 'Attach the minutes of the last general meeting.' },
        statement: 'Our general meeting took place on 14 March with 32 members; minutes attached in the library.',
      },
      {
        titles: { fr: 'Comptes annuels publiés', ar: 'نشر الحسابات السنوية', en: 'Annual accounts published' },
        guidance: { fr: 'Comptes approuvés et publiés auprès des membres.', en: 'Accounts approved and shared with members.' },
        statement: 'The 2025 accounts were approved by the general meeting and posted at the association’s office.',
      },
    ],
  },
  {
    titles: { fr: 'Accompagnement des bénévoles', ar: 'مواكبة المتطوعين', en: 'Supporting volunteers' },
    criteria: [
      {
        titles: { fr: 'Bénévoles formés aux premiers secours', ar: 'متطوعون مكوَّنون في الإسعافات الأولية', en: 'Volunteers trained in first aid' },
        guidance: { fr: 'Au moins un bénévole certifié par permanence.', en: 'At least one certified volunteer at each drop-in session.' },
        statement: 'Two volunteers hold the network’s first-aid certificate; a third is taking the course.',
      },
    ],
  },
];

/**
 * An accreditation framework the network has published, and Association Al Amal Tanger's
 * self-assessment against it, submitted and waiting for the coordinator's review.
 */
export async function seedDemoAccreditation(tx: Tx, context: DemoContext, now: Date): Promise<void> {
  const coordinator = context.user('coordinator@example.org');
  const leader = context.user('leader@example.org');
  const framework = await tx.accreditationFramework.create({
    data: {
      networkId: context.networkId,
      status: 'PUBLISHED',
      titles: { fr: 'Référentiel qualité des associations', ar: 'مرجع جودة الجمعيات', en: 'Association quality framework' },
      descriptions: { fr: 'Ce que le réseau attend d’une association membre.', en: 'What the network expects of a member association.' },
      validityMonths: 24,
      createdById: coordinator,
      publishedAt: new Date(now.getTime() - 120 * DAY),
    },
  });
  const answers: { criterionId: string; statement: string }[] = [];
  for (const [position, section] of SECTIONS.entries()) {
    const created = await tx.accreditationSection.create({ data: { frameworkId: framework.id, position, titles: section.titles } });
    for (const [index, criterion] of section.criteria.entries()) {
      const row = await tx.accreditationCriterion.create({
        data: { sectionId: created.id, frameworkId: framework.id, position: index, titles: criterion.titles, guidance: criterion.guidance },
      });
      answers.push({ criterionId: row.id, statement: criterion.statement });
    }
  }
  const submittedAt = new Date(now.getTime() - 3 * DAY);
  const assessment = await tx.accreditationAssessment.create({
    data: {
      organisationId: context.organisation('tangier'),
      frameworkId: framework.id,
      status: 'SUBMITTED',
      submittedAt,
      createdById: leader,
      answers: { create: answers },
    },
  });
  await tx.accreditationEvent.createMany({
    data: [
      { assessmentId: assessment.id, action: 'submitted', actorId: leader, comment: '', at: submittedAt, snapshot: { revision: assessment.revision, answers: answers.map((a) => ({ ...a, evidenceMaterialIds: [], rating: null, reviewComment: '' })) } },
    ],
  });
}
