import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../common/database/prisma.service.js';
import type { Prisma } from '../../generated/prisma/client.js';

/** Sign-in's reads: the account an identifier names, the countries national numbers are read in. */
@Injectable()
export class AuthRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** At most two accounts matching `where` (two means the identifier is ambiguous). */
  signInCandidates(where: Prisma.UserWhereInput) {
    return this.prisma.user.findMany({ where, select: { id: true, passwordHash: true, disabledAt: true }, take: 2 });
  }

  async organisationCountries(): Promise<string[]> {
    const rows = await this.prisma.organisation.findMany({ distinct: ['country'], select: { country: true } });
    return rows.map((r) => r.country);
  }
}
