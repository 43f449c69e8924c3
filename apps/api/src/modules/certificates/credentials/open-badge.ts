import type { StoredCertificate } from '../certificates.repository.js';
import { OB_V3_CONTEXT, VC_V2_CONTEXT } from '@tadamon/credentials';

interface OpenBadgeInput {
  certificate: StoredCertificate;
  issuerUrl: string;
  statusListUrl: string;
  name: string;
  description: string;
}

/**
 * The unsigned Open Badges 3.0 credential of a certificate. Signing runs in JSON-LD safe
 * mode, so only terms the VC 2.0 and OB 3.0.3 contexts define appear here. The learner's
 * name goes in `identifier` (AchievementSubject has no `name`), exactly as stored: the
 * signature covers its code points.
 */
export function openBadgeCredential({ certificate, issuerUrl, statusListUrl, name, description }: OpenBadgeInput) {
  const index = String(certificate.statusListIndex);
  return {
    '@context': [VC_V2_CONTEXT, OB_V3_CONTEXT],
    id: `urn:uuid:${certificate.id}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: issuerUrl, type: ['Profile'], name: certificate.network.name },
    name,
    validFrom: certificate.issuedAt.toISOString(),
    ...(certificate.expiresAt ? { validUntil: certificate.expiresAt.toISOString() } : {}),
    credentialSubject: {
      id: `urn:uuid:${certificate.holderUserId}`,
      type: ['AchievementSubject'],
      identifier: [
        { type: 'IdentityObject', identityHash: certificate.holderName, identityType: 'name', hashed: false },
      ],
      achievement: {
        id: `urn:uuid:${certificate.certificateTypeId}`,
        type: ['Achievement'],
        name,
        description: description || name,
        criteria: { narrative: description || name },
      },
    },
    credentialStatus: {
      id: `${statusListUrl}#${index}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: index,
      statusListCredential: statusListUrl,
    },
  };
}
