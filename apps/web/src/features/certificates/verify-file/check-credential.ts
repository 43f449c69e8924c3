import type { OpenBadgeCheck } from '@tadamon/credentials';

export interface CredentialSummary {
  holderName: string;
  achievement: string;
  issuerName: string;
  validFrom: string;
  validUntil: string | null;
}

export interface CredentialCheck extends OpenBadgeCheck {
  /** Issued by a network of this site (its issuer URL is ours). */
  issuedHere: boolean;
  summary: CredentialSummary;
}

/**
 * Checks a credential in the browser with the same verifier the API's tests use (loaded only
 * when someone checks a file: it is large). Only this site's own issuer documents and revocation
 * lists are fetched, so a credential signed with some other key can never pass as one of ours;
 * once fetched, the service worker keeps them, so a check works offline afterwards.
 */
export async function checkCredential(credential: object, origin = window.location.origin): Promise<CredentialCheck> {
  const summary = summarise(credential);
  const issuer = (credential as { issuer?: { id?: string } | string }).issuer;
  const issuerId = typeof issuer === 'string' ? issuer : issuer?.id ?? '';
  const ours = (url: string) => url.startsWith(`${origin}/api/issuers/`);
  if (!ours(issuerId)) return { signatureValid: false, revoked: null, problems: [], issuedHere: false, summary };
  const { checkOpenBadge } = await import('./credential-verifier');
  const result = await checkOpenBadge(credential, async (url) => {
    if (!ours(url)) throw new Error(`Not one of this site's issuers: ${url}`);
    const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'omit' });
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    return response.json();
  });
  return { ...result, issuedHere: true, summary };
}

function summarise(credential: object): CredentialSummary {
  const c = credential as {
    name?: string;
    validFrom?: string;
    validUntil?: string;
    issuer?: { name?: string } | string;
    credentialSubject?: { identifier?: { identityHash?: string }[]; achievement?: { name?: string } };
  };
  return {
    holderName: c.credentialSubject?.identifier?.[0]?.identityHash ?? '',
    achievement: c.credentialSubject?.achievement?.name ?? c.name ?? '',
    issuerName: typeof c.issuer === 'string' ? c.issuer : c.issuer?.name ?? '',
    validFrom: c.validFrom ?? '',
    validUntil: c.validUntil ?? null,
  };
}
