import { Injectable } from '@nestjs/common';
import { roleHas, type Permission } from '@tadamon/shared';
import { PrismaService } from '../database/prisma.service.js';
import { AppError, notFound } from '../errors/app-error.js';
import { networkIdsOf, type Actor } from './actor.js';

/**
 * The one place that decides whether an actor may act on particular organisations or
 * networks. Services call it first thing for every id they touch.
 *
 * - An object outside the actor's networks answers NOT_FOUND: it does not exist for them.
 * - An object they can see but may not act on answers FORBIDDEN.
 */
@Injectable()
export class AccessPolicy {
  constructor(private readonly prisma: PrismaService) {}

  /** True when the actor holds `permission` for this organisation (own role or network role). */
  holdsForOrganisation(actor: Actor, permission: Permission, organisation: { id: string; networkId: string }): boolean {
    if (actor.isPlatformAdmin) return true;
    const network = actor.networks.get(organisation.networkId);
    if (network && roleHas(network.role, permission)) return true;
    const membership = actor.organisations.get(organisation.id);
    return !!membership && roleHas(membership.role, permission);
  }

  /**
   * For an object private to an organisation (an assessment, an enrolment, an invitation, a
   * membership): whoever does not hold `permission` there gets the 404 of an unknown id, never
   * 403, so a private id tells them nothing. 403 is for what they may see but not change.
   */
  requireOrganisationObject(actor: Actor, permission: Permission, organisation: { id: string; networkId: string }, what: string): void {
    if (!this.holdsForOrganisation(actor, permission, organisation)) throw notFound(what);
  }

  holdsForNetwork(actor: Actor, permission: Permission, networkId: string): boolean {
    if (actor.isPlatformAdmin) return true;
    const network = actor.networks.get(networkId);
    return !!network && roleHas(network.role, permission);
  }

  /** Networks the actor can see at all; platform admins see every network. */
  async visibleNetworkIds(actor: Actor): Promise<string[]> {
    if (!actor.isPlatformAdmin) return networkIdsOf(actor);
    const all = await this.prisma.network.findMany({ select: { id: true } });
    return all.map((n) => n.id);
  }

  /**
   * Checks `permission` on each organisation and returns them (id, networkId) for the caller
   * to use, so the caller needs no second lookup.
   */
  async requireOrganisationAccess(actor: Actor, permission: Permission, organisationIds: string[]) {
    const ids = [...new Set(organisationIds)];
    const networkIds = await this.visibleNetworkIds(actor);
    const found = await this.prisma.organisation.findMany({
      where: { id: { in: ids }, networkId: { in: networkIds } },
      select: { id: true, networkId: true },
    });
    if (found.length !== ids.length) throw new AppError('NOT_FOUND', 'No such organisation.');
    for (const organisation of found) {
      if (!this.holdsForOrganisation(actor, permission, organisation)) {
        throw new AppError('FORBIDDEN', 'Your role does not allow this for this organisation.');
      }
    }
    return found;
  }

  /** An organisation of the actor's networks (the directory shows it to them), else 404. */
  async requireVisibleOrganisation(actor: Actor, organisationId: string): Promise<{ id: string; networkId: string }> {
    const networkIds = await this.visibleNetworkIds(actor);
    const found = await this.prisma.organisation.findFirst({
      where: { id: organisationId, networkId: { in: networkIds } },
      select: { id: true, networkId: true },
    });
    if (!found) throw new AppError('NOT_FOUND', 'No such organisation.');
    return found;
  }

  async requireNetworkAccess(actor: Actor, permission: Permission, networkId: string): Promise<void> {
    const visible = await this.visibleNetworkIds(actor);
    if (!visible.includes(networkId)) throw new AppError('NOT_FOUND', 'No such network.');
    if (!this.holdsForNetwork(actor, permission, networkId)) {
      throw new AppError('FORBIDDEN', 'Your role does not allow this for this network.');
    }
  }
}
