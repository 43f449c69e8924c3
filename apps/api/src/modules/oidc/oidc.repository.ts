import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../common/database/prisma.service.js';

/** The only place OpenID provider rows and sign-in attempts are read or written. */
@Injectable()
export class OidcRepository {
  constructor(private readonly prisma: PrismaService) {}

  listForNetwork(networkId: string) {
    return this.prisma.oidcProvider.findMany({ where: { networkId }, orderBy: { name: 'asc' } });
  }

  listAll() {
    return this.prisma.oidcProvider.findMany({ select: { id: true, name: true }, orderBy: { name: 'asc' } });
  }

  find(id: string) {
    return this.prisma.oidcProvider.findUnique({ where: { id } });
  }

  issuerTaken(networkId: string, issuer: string, exceptId?: string) {
    return this.prisma.oidcProvider
      .count({ where: { networkId, issuer, ...(exceptId ? { id: { not: exceptId } } : {}) } })
      .then((n) => n > 0);
  }

  create(data: { networkId: string; name: string; issuer: string; clientId: string; clientSecretEncrypted: string }) {
    return this.prisma.oidcProvider.create({ data });
  }

  update(id: string, data: Partial<{ name: string; issuer: string; clientId: string; clientSecretEncrypted: string }>) {
    return this.prisma.oidcProvider.update({ where: { id }, data });
  }

  createAttempt(data: { stateHash: string; providerId: string; codeVerifier: string; nonce: string; expiresAt: Date }) {
    return this.prisma.oidcLoginAttempt.create({ data });
  }

  findAttempt(stateHash: string) {
    return this.prisma.oidcLoginAttempt.findUnique({ where: { stateHash }, include: { provider: true } });
  }

  /** Spends an attempt; false when another callback already did (one conditional update). */
  async useAttempt(id: string): Promise<boolean> {
    const updated = await this.prisma.oidcLoginAttempt.updateMany({ where: { id, usedAt: null }, data: { usedAt: new Date() } });
    return updated.count === 1;
  }

  /** The account with this e-mail, only if it belongs to the network (a membership or a network role). */
  findNetworkMember(email: string, networkId: string) {
    return this.prisma.user.findFirst({
      where: {
        email,
        OR: [{ memberships: { some: { organisation: { networkId } } } }, { networkRoles: { some: { networkId } } }],
      },
      select: { id: true, disabledAt: true },
    });
  }
}
