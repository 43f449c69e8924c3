import type { Logger } from 'pino';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client.js';
import { hashPassword } from '../common/auth/password.js';
import { atRestSecret, encryptSecret } from '../common/crypto/secret-encryption.js';
import { DEMO_PASSWORD, demoNetwork, demoOrganisations, demoPeople, demoPhoneVolunteer } from './demo-data.js';
import { seedDemoCourses } from './seed-courses.js';
import { DemoContext } from './demo-context.js';
import { seedDemoAccreditation } from './seed-demo-accreditation.js';
import { seedDemoCertificates } from './seed-demo-certificates.js';
import { seedDemoCollaboration } from './seed-demo-collaboration.js';
import { seedDemoMeetings } from './seed-demo-meetings.js';
import { seedDemoReports } from './seed-demo-reports.js';

/**
 * Creates the demo network, its organisations, one account per role and something to try in
 * every feature — once: a database
 * that already has a network is left as it is. Everything is written in one transaction.
 */
export async function seedDemoIfEmpty(
  databaseUrl: string,
  logger: Pick<Logger, 'info'>,
  /** The at-rest key (CREDENTIAL_KEY_SECRET) the API will decrypt TOTP secrets with. */
  atRestKey: string = atRestSecret({}),
): Promise<boolean> {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  try {
    if ((await prisma.network.count()) > 0) return false;
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const pinHash = await hashPassword(demoPhoneVolunteer.pin);
    await prisma.$transaction(async (tx) => {
      const network = await tx.network.create({ data: demoNetwork });
      const organisationIds = new Map<string, string>();
      const userIds = new Map<string, string>();
      for (const { key, ...organisation } of demoOrganisations) {
        const created = await tx.organisation.create({ data: { ...organisation, networkId: network.id } });
        organisationIds.set(key, created.id);
      }
      for (const person of demoPeople) {
        const user = await tx.user.create({
          data: {
            email: person.email,
            name: person.name,
            preferredLanguage: person.preferredLanguage,
            timeZone: person.timeZone,
            passwordHash,
            isPlatformAdmin: person.platformAdmin ?? false,
          },
        });
        userIds.set(person.email, user.id);
        if (person.totpSecret) {
          await tx.userTotp.create({
            data: { userId: user.id, secretEncrypted: encryptSecret(person.totpSecret, atRestKey), enabledAt: new Date() },
          });
        }
        if (person.organisation) {
          await tx.organisationMembership.create({
            data: {
              userId: user.id,
              organisationId: organisationIds.get(person.organisation.key)!,
              role: person.organisation.role,
            },
          });
        }
        if (person.coordinator) {
          await tx.networkMembership.create({
            data: { userId: user.id, networkId: network.id, role: 'COORDINATOR' },
          });
        }
      }
      const { phone, name, preferredLanguage, timeZone, organisationKey } = demoPhoneVolunteer;
      const phoneOnly = await tx.user.create({
        data: { email: null, phone, name, preferredLanguage, timeZone, passwordHash: pinHash },
      });
      await tx.organisationMembership.create({
        data: { userId: phoneOnly.id, organisationId: organisationIds.get(organisationKey)!, role: 'VOLUNTEER' },
      });
      await seedDemoCourses(tx, { networkId: network.id, organisationIds, userIds });
      // Something to try in every feature (README, "What to try"): meetings, a working group,
      // certificates, an accreditation under review, and report demographics and targets.
      const context = new DemoContext(network.id, organisationIds, userIds);
      const now = new Date();
      await seedDemoMeetings(tx, context, now);
      await seedDemoCollaboration(tx, context, now);
      await seedDemoCertificates(tx, context, now);
      await seedDemoAccreditation(tx, context, now);
      await seedDemoReports(tx, context, now);
    }, { timeout: 60_000 });
    logger.info(`Seeded the demo network (password for demo accounts: tadamon-demo; phone-only volunteer ${demoPhoneVolunteer.phone}, PIN ${demoPhoneVolunteer.pin})`);
    return true;
  } finally {
    await prisma.$disconnect();
  }
}
