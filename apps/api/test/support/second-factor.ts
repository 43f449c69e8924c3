import type { PrismaService } from '../../src/common/database/prisma.service.js';

/**
 * Coordinators and platform admins owe a second factor at every sign-in. Tests of other
 * features sign them in through this: it marks the person's half-signed-in sessions as
 * complete in the database, as a right TOTP code would. The real code and enrolment paths
 * are tested in auth-totp.e2e.spec.ts; doing them here would trip the replay check whenever
 * a test signs the same person in twice within one 30-second step.
 */
export async function passSecondFactorForTests(prisma: PrismaService, userId: string): Promise<void> {
  await prisma.session.updateMany({
    where: { userId, secondFactor: { not: null }, revokedAt: null },
    data: { secondFactor: null },
  });
}
