import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../common/database/prisma.service.js';

/** The accounts module's reads and writes of people's accounts. */
@Injectable()
export class AccountsRepository {
  constructor(private readonly prisma: PrismaService) {}

  async exists(userId: string): Promise<boolean> {
    return (await this.prisma.user.findUnique({ where: { id: userId }, select: { id: true } })) !== null;
  }

  setDisabled(userId: string, disabled: boolean) {
    return this.prisma.user.update({ where: { id: userId }, data: { disabledAt: disabled ? new Date() : null } });
  }
}
