import { Inject, Injectable } from '@nestjs/common';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { BitstringStatusList, VC_BSL_VC_V2_CONTEXT, createCredential } from '@digitalbazaar/vc-bitstring-status-list';
import { APP_CONFIG, type AppConfig } from '../../../common/config/config.js';
import { notFound } from '../../../common/errors/app-error.js';
import type { StoredCertificate } from '../certificates.repository.js';
import { localisedText } from '../../../common/i18n/localised-text.js';
import { MULTIKEY_CONTEXT, SECURITY_V2_CONTEXT, offlineDocumentLoader } from '@tadamon/credentials';
import { CredentialsRepository } from './credentials.repository.js';
import { atRestSecret, decryptSecret, encryptSecret } from '../../../common/crypto/secret-encryption.js';
import { openBadgeCredential } from './open-badge.js';

/** Room for this many certificates per network (the spec's minimum list size, 16 KiB). */
export const STATUS_LIST_LENGTH = 131_072;

/**
 * Open Badges 3.0 credentials signed with the network's Ed25519 key (Data Integrity proof,
 * eddsa-rdfc-2022), the issuer document that publishes the public key, and the network's
 * Bitstring Status List for revocation.
 */
@Injectable()
export class CredentialsService {
  private readonly loader = offlineDocumentLoader();
  private readonly keys = new Map<string, Promise<{ keyPair: unknown; publicKeyMultibase: string }>>();
  private readonly statusLists = new Map<string, { fingerprint: string; credential: object }>();

  constructor(
    private readonly repository: CredentialsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  issuerUrl(networkId: string): string {
    return `${this.config.publicUrl}/api/issuers/${networkId}`;
  }

  statusListUrl(networkId: string): string {
    return `${this.issuerUrl(networkId)}/status/revocation`;
  }

  /** The certificate's credential, signed once and then served as stored. */
  async credentialFor(certificate: StoredCertificate & { credential: unknown }): Promise<object> {
    if (certificate.credential) return certificate.credential as object;
    const type = certificate.certificateType;
    const unsigned = openBadgeCredential({
      certificate,
      issuerUrl: this.issuerUrl(certificate.networkId),
      statusListUrl: this.statusListUrl(certificate.networkId),
      name: localisedText(type.names, certificate.language),
      description: localisedText(type.descriptions, certificate.language),
    });
    const signed = await this.sign(certificate.networkId, unsigned);
    return this.repository.saveCredentialOnce(certificate.id, signed);
  }

  /** Public: who the issuer is and which key signs for it. */
  async issuerDocument(networkId: string) {
    const network = await this.repository.findNetwork(networkId);
    if (!network) throw notFound('issuer');
    const { publicKeyMultibase } = await this.key(networkId);
    const id = this.issuerUrl(networkId);
    return {
      // Only terms these contexts define: verifiers frame this document in JSON-LD safe mode.
      '@context': [SECURITY_V2_CONTEXT, MULTIKEY_CONTEXT],
      id,
      assertionMethod: [{ id: `${id}#key-1`, type: 'Multikey', controller: id, publicKeyMultibase }],
    };
  }

  /** Public: the signed revocation list; re-signed only when the set of revoked bits changes. */
  async statusListCredential(networkId: string): Promise<object> {
    if (!(await this.repository.findNetwork(networkId))) throw notFound('status list');
    const revoked = await this.repository.revokedIndexes(networkId);
    const fingerprint = revoked.join(',');
    const cached = this.statusLists.get(networkId);
    if (cached?.fingerprint === fingerprint) return cached.credential;
    const list = new BitstringStatusList({ length: STATUS_LIST_LENGTH });
    for (const index of revoked) list.setStatus(index, true);
    const credential = await createCredential({
      id: this.statusListUrl(networkId),
      list,
      statusPurpose: 'revocation',
      context: VC_BSL_VC_V2_CONTEXT,
    });
    const signed = await this.sign(networkId, {
      ...credential,
      issuer: this.issuerUrl(networkId),
      validFrom: new Date().toISOString(),
    });
    this.statusLists.set(networkId, { fingerprint, credential: signed });
    return signed;
  }

  private async sign(networkId: string, credential: object): Promise<object> {
    const { keyPair } = await this.key(networkId);
    const suite = new DataIntegrityProof({ signer: (keyPair as { signer(): unknown }).signer(), cryptosuite: eddsaRdfc2022 });
    return vc.issue({ credential, suite, documentLoader: this.loader });
  }

  /** The network's key pair, made on first use; cached per process. */
  private key(networkId: string) {
    let pending = this.keys.get(networkId);
    if (!pending) {
      pending = this.loadOrCreateKey(networkId);
      pending.catch(() => this.keys.delete(networkId));
      this.keys.set(networkId, pending);
    }
    return pending;
  }

  private async loadOrCreateKey(networkId: string) {
    const secret = atRestSecret(this.config);
    const controller = this.issuerUrl(networkId);
    let stored = await this.repository.findKey(networkId);
    if (!stored) {
      const generated = await Ed25519Multikey.generate({ controller, id: `${controller}#key-1` });
      const exported = await generated.export({ publicKey: true, secretKey: true });
      stored = await this.repository.createKeyOnce(
        networkId,
        exported.publicKeyMultibase,
        encryptSecret(exported.secretKeyMultibase, secret),
      );
    }
    const keyPair = await Ed25519Multikey.from({
      type: 'Multikey',
      id: `${controller}#key-1`,
      controller,
      publicKeyMultibase: stored.publicKeyMultibase,
      secretKeyMultibase: decryptSecret(stored.secretKeyEncrypted, secret),
    });
    return { keyPair, publicKeyMultibase: stored.publicKeyMultibase };
  }
}
