import { randomBytes } from 'node:crypto';
import type { DemographicAgeBand, DemographicGender } from '@tadamon/shared';
import type { PrismaService } from '../../src/common/database/prisma.service.js';
import { createPublishedCourse } from './course-factories.js';
import { createNetwork, createOrganisation, createUser } from './factories.js';

const unique = () => randomBytes(4).toString('hex');
const at = (day: string) => new Date(`${day}T12:00:00Z`);

/**
 * A network whose dashboard answers are known (period 2026-01 … 2026-06, UTC):
 *
 * | organisation | country | completions (people)                               | certificates                          |
 * |--------------|---------|----------------------------------------------------|---------------------------------------|
 * | Tanger       | MA (AF) | 12 first aid: 7 in Jan, 5 in Feb; 2 of them also leadership in Feb | 10 in Mar, one revoked in Apr |
 * | Rabat        | MA (AF) | 3 first aid in Mar                                 | —                                     |
 * | Bamako       | ML (AF) | 6 leadership in Apr                                | 5 in Apr, expired 2026-05-15          |
 * | Gent         | BE (EU) | 8 first aid in May                                 | 6 in Jun                              |
 *
 * People trained 29, courses completed 31, certificates issued 21, valid at the end of June 15.
 * Accredited: Tanger (Feb) and Gent (May) — 2. Meetings: Tanger hosts one in March (7 present,
 * 1 absent), Bamako one in June (2 present), Gent's in May was cancelled: 2 held, 9 attended.
 * Materials: the first-aid course's first lesson uses one hygiene material, done by Tanger's
 * January learners: 1 material used. Demographics (with consent): Tanger's 12 learners are 8
 * women and 4 men; 6 under 25 and 6 aged 35–44. Everything of the other network (20
 * completions in France) must stay out. All learners' language is Arabic but Gent's (Dutch).
 */
export async function createReportsWorld(prisma: PrismaService) {
  const network = await createNetwork(prisma, 'Reports network');
  const otherNetwork = await createNetwork(prisma, 'Elsewhere');
  const org = {
    tanger: await createOrganisation(prisma, network.id, { name: 'Tanger', country: 'MA' }),
    rabat: await createOrganisation(prisma, network.id, { name: 'Rabat', country: 'MA' }),
    bamako: await createOrganisation(prisma, network.id, { name: 'Bamako', country: 'ML' }),
    gent: await createOrganisation(prisma, network.id, { name: 'Gent', country: 'BE' }),
    paris: await createOrganisation(prisma, otherNetwork.id, { name: 'Paris', country: 'FR' }),
  };
  const cast = {
    coordinator: await createUser(prisma, { role: 'COORDINATOR', networkId: network.id }),
    otherCoordinator: await createUser(prisma, { role: 'COORDINATOR', networkId: otherNetwork.id }),
    leaderTanger: await createUser(prisma, { role: 'ORG_LEADER', organisationId: org.tanger.id }),
    volunteerTanger: await createUser(prisma, { role: 'VOLUNTEER', organisationId: org.tanger.id }),
    leaderGent: await createUser(prisma, { role: 'ORG_LEADER', organisationId: org.gent.id }),
  };
  const medic = await prisma.material.create({
    data: { networkId: network.id, kind: 'DOCUMENT', standardTopic: 'HYGIENE', audience: 'EVERYONE', visibility: 'NETWORK' },
  });
  const firstAid = await createPublishedCourse(prisma, { networkId: network.id, title: 'First aid', modules: [[{ title: 'Hands', materialId: medic.id }, { title: 'Burns' }]] });
  const leadership = await createPublishedCourse(prisma, { networkId: network.id, title: 'Leading' });
  await prisma.course.update({ where: { id: leadership.course.id }, data: { standardTopic: 'LEADERSHIP' } });
  const elsewhere = await createPublishedCourse(prisma, { networkId: otherNetwork.id, title: 'Ailleurs' });

  async function learners(organisationId: string, count: number, language = 'ar') {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const user = await prisma.user.create({ data: { email: `learner-${unique()}@example.test`, name: `Learner ${unique()}`, preferredLanguage: language } });
      await prisma.organisationMembership.create({ data: { userId: user.id, organisationId, role: 'VOLUNTEER' } });
      ids.push(user.id);
    }
    return ids;
  }
  async function complete(course: typeof firstAid, userId: string, organisationId: string, day: string) {
    const enrolment = await prisma.courseEnrolment.create({
      data: { courseId: course.course.id, versionId: course.version.id, userId, organisationId, source: 'SELF', status: 'COMPLETED', completedAt: at(day), totalLessons: course.lessons.length, completedLessons: course.lessons.length },
    });
    await prisma.lessonProgress.createMany({ data: course.lessons.map((l) => ({ enrolmentId: enrolment.id, lessonId: l.id, status: 'COMPLETED' as const, completedAt: at(day) })) });
  }

  const tanger = await learners(org.tanger.id, 12);
  for (const [i, id] of tanger.entries()) await complete(firstAid, id, org.tanger.id, i < 7 ? '2026-01-15' : '2026-02-10');
  for (const id of tanger.slice(0, 2)) await complete(leadership, id, org.tanger.id, '2026-02-20');
  const rabat = await learners(org.rabat.id, 3);
  for (const id of rabat) await complete(firstAid, id, org.rabat.id, '2026-03-05');
  const bamako = await learners(org.bamako.id, 6);
  for (const id of bamako) await complete(leadership, id, org.bamako.id, '2026-04-10');
  const gent = await learners(org.gent.id, 8, 'nl');
  for (const id of gent) await complete(firstAid, id, org.gent.id, '2026-05-12');
  const paris = await learners(org.paris.id, 20, 'fr');
  for (const id of paris) await complete(elsewhere, id, org.paris.id, '2026-03-03');

  const certificateType = await prisma.certificateType.create({ data: { networkId: network.id, names: { en: 'First aider' } } });
  let index = 0;
  async function certify(userId: string, organisationId: string, day: string, extra: { revokedAt?: Date; expiresAt?: Date } = {}) {
    await prisma.certificate.create({
      data: { code: `C${unique()}${index}`, certificateTypeId: certificateType.id, holderUserId: userId, organisationId, networkId: network.id, reason: 'assessor', holderName: 'Someone', language: 'ar', issuedAt: at(day), statusListIndex: index++, ...extra },
    });
  }
  for (const [i, id] of tanger.slice(0, 10).entries()) await certify(id, org.tanger.id, '2026-03-20', i === 0 ? { revokedAt: at('2026-04-02') } : {});
  for (const id of bamako.slice(0, 5)) await certify(id, org.bamako.id, '2026-04-20', { expiresAt: at('2026-05-15') });
  for (const id of gent.slice(0, 6)) await certify(id, org.gent.id, '2026-06-01');

  const framework = await prisma.accreditationFramework.create({ data: { networkId: network.id, status: 'PUBLISHED', titles: { en: 'Quality' } } });
  await prisma.accreditationAssessment.create({ data: { organisationId: org.tanger.id, frameworkId: framework.id, status: 'APPROVED', decidedAt: at('2026-02-11'), validUntil: at('2029-02-11') } });
  await prisma.accreditationAssessment.create({ data: { organisationId: org.gent.id, frameworkId: framework.id, status: 'APPROVED', decidedAt: at('2026-05-02'), validUntil: at('2029-05-02') } });
  await prisma.accreditationAssessment.create({ data: { organisationId: org.rabat.id, frameworkId: framework.id, status: 'SUBMITTED', submittedAt: at('2026-03-02') } });

  async function meeting(hostOrganisationId: string, day: string, status: 'SCHEDULED' | 'CANCELLED', present: string[], absent: string[] = []) {
    const m = await prisma.meeting.create({
      data: { networkId: network.id, hostOrganisationId, createdById: cast.coordinator.id, title: `Meeting ${day}`, format: 'IN_PERSON', startsAt: at(day), endsAt: new Date(at(day).getTime() + 3_600_000), timeZone: 'UTC', status },
    });
    await prisma.meetingAttendance.createMany({
      data: [...present.map((userId) => ({ userId, status: 'PRESENT' as const })), ...absent.map((userId) => ({ userId, status: 'ABSENT' as const }))].map((a) => ({ ...a, meetingId: m.id, recordedById: cast.coordinator.id })),
    });
  }
  await meeting(org.tanger.id, '2026-03-12', 'SCHEDULED', tanger.slice(0, 7), tanger.slice(7, 8));
  await meeting(org.bamako.id, '2026-06-03', 'SCHEDULED', bamako.slice(0, 2));
  await meeting(org.gent.id, '2026-05-20', 'CANCELLED', gent);

  async function declare(userId: string, gender: DemographicGender, ageBand: DemographicAgeBand) {
    await prisma.personDemographics.create({ data: { userId, gender, ageBand, consentedAt: new Date(), consentVersion: '2026-12-07' } });
  }
  for (const [i, id] of tanger.entries()) await declare(id, i < 8 ? 'WOMAN' : 'MAN', i % 2 === 0 ? 'UNDER_25' : 'AGE_35_44');

  return { network, otherNetwork, org, cast, learners: { tanger, rabat, bamako, gent }, courses: { firstAid, leadership }, medic };
}
