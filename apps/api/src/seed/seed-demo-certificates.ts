import type { Prisma } from '../generated/prisma/client.js';
import { newVerificationCode } from '../modules/certificates/verification-code.js';
import type { DemoContext } from './demo-context.js';

type Tx = Prisma.TransactionClient;
const DAY = 86_400_000;

/** The demo courses by their English title (seed-courses.ts). */
async function courseIdsByTitle(tx: Tx, networkId: string): Promise<Map<string, string>> {
  const versions = await tx.courseVersion.findMany({ where: { course: { networkId } }, select: { courseId: true, titles: true } });
  return new Map(versions.map((v) => [(v.titles as Record<string, string>).en ?? '', v.courseId]));
}

/**
 * Certificate types with their rules (what earns and what renews each), and certificates a
 * demo visitor can look at: Salma's first-aid certificate runs out in three weeks (her home
 * page warns her), Karim holds the volunteer certificate, and one issued by mistake is revoked
 * (its verification page says so). Their signed credentials are made when first asked for.
 */
export async function seedDemoCertificates(tx: Tx, context: DemoContext, now: Date): Promise<void> {
  const courses = await courseIdsByTitle(tx, context.networkId);
  const coordinator = context.user('coordinator@example.org');
  const path = await tx.learningPath.findFirst({ where: { networkId: context.networkId, titles: { path: ['en'], equals: 'Volunteer foundation' } } });
  const signatories = [{ name: 'Nadia Coordinatrice', title: 'Coordinatrice du réseau INSP!R' }];

  const volunteerType = await tx.certificateType.create({
    data: {
      networkId: context.networkId,
      names: { fr: 'Bénévole certifié·e', ar: 'متطوع معتمد', en: 'Certified volunteer', es: 'Voluntariado certificado', nl: 'Gecertificeerde vrijwilliger' },
      descriptions: { fr: 'Parcours bénévole terminé : fondamentaux et premiers secours.', en: 'Volunteer path completed: foundation and first aid.' },
      signatories,
      createdById: coordinator,
      rule: path ? { create: { courseIds: [], learningPathId: path.id } } : undefined,
    },
  });
  const firstAidCourse = courses.get('First aid basics') ?? null;
  const firstAidType = await tx.certificateType.create({
    data: {
      networkId: context.networkId,
      names: { fr: 'Premiers secours', ar: 'الإسعافات الأولية', en: 'First aid', es: 'Primeros auxilios', nl: 'Eerste hulp' },
      descriptions: { fr: 'Valable deux ans ; renouvelé en refaisant le cours.', en: 'Valid two years; renewed by taking the course again.' },
      validityMonths: 24,
      signatories,
      createdById: coordinator,
      rule: firstAidCourse ? { create: { courseIds: [firstAidCourse], renewalCourseId: firstAidCourse } } : undefined,
    },
  });

  const tangier = context.organisation('tangier');
  const issued = [
    {
      type: firstAidType.id, holder: 'volunteer@example.org', name: 'Salma Volunteer', organisationId: tangier, language: 'en',
      issuedAt: new Date(now.getTime() - 710 * DAY), expiresAt: new Date(now.getTime() + 21 * DAY),
    },
    { type: volunteerType.id, holder: 'leader@example.org', name: 'Karim Leader', organisationId: tangier, language: 'en', issuedAt: new Date(now.getTime() - 90 * DAY) },
    {
      type: firstAidType.id, holder: 'leader.bamako@example.org', name: 'Awa Dirigeante', organisationId: context.organisation('bamako-mutual'), language: 'fr',
      issuedAt: new Date(now.getTime() - 60 * DAY), expiresAt: new Date(now.getTime() + 670 * DAY),
      revokedAt: new Date(now.getTime() - 30 * DAY), revokedReason: 'Issued by mistake: the practical test had not been signed off.',
    },
  ];
  for (const [index, certificate] of issued.entries()) {
    await tx.certificate.create({
      data: {
        code: newVerificationCode(),
        certificateTypeId: certificate.type,
        holderUserId: context.user(certificate.holder),
        organisationId: certificate.organisationId,
        networkId: context.networkId,
        reason: 'assessor',
        issuedById: coordinator,
        holderName: certificate.name,
        language: certificate.language,
        issuedAt: certificate.issuedAt,
        expiresAt: certificate.expiresAt ?? null,
        revokedAt: certificate.revokedAt ?? null,
        revokedReason: certificate.revokedReason ?? null,
        revokedById: certificate.revokedAt ? coordinator : null,
        statusListIndex: index,
      },
    });
  }
}
