import { Injectable } from '@nestjs/common';
import type { DemographicAgeBand, DemographicGender } from '@tadamon/shared';
import { PrismaService } from '../../../common/database/prisma.service.js';

const OWN_ANSWER = { gender: true, ageBand: true, consentedAt: true, consentVersion: true } as const;

/** One person's own answers, always by their own user id: nothing here lists anyone else's. */
@Injectable()
export class DemographicsRepository {
  constructor(private readonly prisma: PrismaService) {}

  findOwn(userId: string) {
    return this.prisma.personDemographics.findUnique({ where: { userId }, select: OWN_ANSWER });
  }

  saveOwn(userId: string, answer: { gender: DemographicGender; ageBand: DemographicAgeBand; consentedAt: Date; consentVersion: string }) {
    return this.prisma.personDemographics.upsert({
      where: { userId },
      create: { userId, ...answer },
      update: answer,
      select: OWN_ANSWER,
    });
  }

  /** Deletes the answer (withdrawal keeps nothing, not even a flag); true when there was one. */
  async deleteOwn(userId: string): Promise<boolean> {
    const { count } = await this.prisma.personDemographics.deleteMany({ where: { userId } });
    return count > 0;
  }
}
