import { Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import type { Certificate } from '@tadamon/shared';
import { toCertificateView } from './certificate-view.js';
import { CertificatesRepository } from './certificates.repository.js';
import { CredentialsService } from './credentials/credentials.service.js';
import { CertificatePdfService } from './pdf/certificate-pdf.service.js';
import { VerificationCache } from './verification-cache.js';

export interface HolderCertificate {
  view: Certificate;
  /** The signed Open Badges credential, exactly as the holder downloads it. */
  credential: object;
  openPdf: () => Promise<Readable>;
}

/**
 * What other modules may know about one holder's certificates (the personal-data export and
 * erasure): the certificates with their credential and PDF, and a hook for an erased holder.
 */
@Injectable()
export class HolderCertificates {
  constructor(
    private readonly repository: CertificatesRepository,
    private readonly credentials: CredentialsService,
    private readonly pdfs: CertificatePdfService,
    private readonly cache: VerificationCache,
  ) {}

  async documentsOf(userId: string): Promise<HolderCertificate[]> {
    const found = await this.repository.listForHolder(userId);
    const documents: HolderCertificate[] = [];
    for (const certificate of found) {
      documents.push({
        view: toCertificateView(certificate),
        credential: await this.credentials.credentialFor(certificate),
        openPdf: () => this.pdfs.open(certificate),
      });
    }
    return documents;
  }

  /**
   * After a holder's account was erased: every process forgets the cached verification rows,
   * so the public page stops showing the name at once. The certificates and their signed
   * credentials are not changed.
   */
  async holderErased(userId: string): Promise<void> {
    for (const code of await this.repository.codesOfHolder(userId)) await this.cache.changed(code);
  }
}
