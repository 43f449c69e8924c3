import { Injectable } from '@nestjs/common';
import { CertificatesRepository } from './certificates.repository.js';

/**
 * What other modules may ask about certificate types and who holds them (accreditation's
 * "a leader holds a current certificate of this type"), so that what counts as a current
 * certificate — not revoked, not expired — is decided here, once.
 */
@Injectable()
export class CertificateLookup {
  constructor(private readonly repository: CertificatesRepository) {}

  /** Those of `ids` that are certificate types of `networkId`. */
  async typesInNetwork(networkId: string, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    return new Set(await this.repository.typeIdsInNetwork(networkId, ids));
  }

  /** Types among `typeIds` of which a current leader of the organisation holds a current certificate. */
  async heldByLeadersOf(organisationId: string, typeIds: string[], now: Date): Promise<Set<string>> {
    if (typeIds.length === 0) return new Set();
    return new Set(await this.repository.typeIdsHeldByLeaders(organisationId, typeIds, now));
  }
}
