import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { checkStatus } from '@digitalbazaar/vc-bitstring-status-list';
import { MULTIKEY_CONTEXT, offlineDocumentLoader } from './document-loader.js';

/** What a person checking a credential is told. */
export interface OpenBadgeCheck {
  /** The signature is genuine and the credential unaltered. */
  signatureValid: boolean;
  /** The issuer has revoked it; null when the revocation list could not be read. */
  revoked: boolean | null;
  /** Why the signature did not hold, for the curious (not shown as the verdict). */
  problems: string[];
}

/**
 * Checks an Open Badges 3.0 credential as any independent verifier would: JSON-LD contexts
 * from npm, the issuer's key and revocation list through `fetchDocument`. The caller decides
 * which URLs it fetches (the browser: only this site's own issuers, so a credential signed by
 * some other key cannot pass as one of ours). Runs in Node and in browsers.
 */
export async function checkOpenBadge(credential: unknown, fetchDocument: (url: string) => Promise<unknown>): Promise<OpenBadgeCheck> {
  const documentLoader = offlineDocumentLoader(async (url) => {
    const [base, fragment] = url.split('#');
    const document = (await fetchDocument(base!)) as { assertionMethod?: { id: string }[] } | undefined;
    if (!document || !fragment) return document;
    // A key id ("…#key-1") resolves to that key inside its issuer document.
    const key = document.assertionMethod?.find((method) => method.id === url);
    return key && { '@context': MULTIKEY_CONTEXT, ...key };
  });
  const suite = () => new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 });
  let signatureValid = false;
  const problems: string[] = [];
  try {
    const result = await vc.verifyCredential({ credential, suite: suite(), documentLoader, checkStatus: async () => ({ verified: true }) });
    signatureValid = result.verified === true;
    if (!signatureValid) problems.push(...messages(result.error));
  } catch (error) {
    problems.push(...messages(error));
  }
  let revoked: boolean | null = null;
  if (signatureValid) {
    try {
      const status = await checkStatus({ credential, documentLoader, suite: suite() });
      // checkStatus answers verified for a revoked credential too: the bit is what matters.
      if (status.verified) revoked = status.results[0].status === true;
    } catch {
      revoked = null;
    }
  }
  return { signatureValid, revoked, problems };
}

function messages(error: unknown): string[] {
  if (!error) return [];
  const nested = (error as { errors?: unknown[] }).errors;
  if (Array.isArray(nested) && nested.length > 0) return nested.flatMap(messages);
  return [(error as Error).message ?? String(error)];
}
