import { createReadStream } from 'node:fs';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../common/config/config.js';
import { notFound } from '../../../common/errors/app-error.js';
import { CertificatesRepository, type StoredCertificate } from '../certificates.repository.js';
import { localisedText } from '../../../common/i18n/localised-text.js';
import { renderCertificatePdf } from './certificate-pdf.js';
import { CertificateStorage } from './certificate-storage.js';
import { CredentialsService } from '../credentials/credentials.service.js';

/** Renders and stores certificate PDFs; safe to run any number of times per certificate. */
@Injectable()
export class CertificatePdfService {
  private readonly storage: CertificateStorage;

  constructor(
    private readonly repository: CertificatesRepository,
    private readonly credentials: CredentialsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.storage = new CertificateStorage(config.DATA_DIR);
  }

  /** The job's work: a certificate whose file already exists is left alone. */
  async ensureRendered(certificateId: string): Promise<string> {
    const certificate = await this.repository.findById(certificateId);
    if (!certificate) throw notFound('certificate');
    if (certificate.pdfPath && (await this.storage.exists(certificate.pdfPath))) return certificate.pdfPath;
    const path = this.storage.relativePathFor(certificate.networkId, certificate.id);
    // The signed credential travels inside the PDF: one file is both the paper and the proof.
    const credential = await this.credentials.credentialFor(certificate);
    await this.storage.write(path, await renderCertificatePdf({ ...this.pdfData(certificate), credential }));
    await this.repository.setPdfPath(certificate.id, path);
    return path;
  }

  /** The holder's download; renders on the spot if the job has not run yet. */
  async open(certificate: StoredCertificate) {
    const path = await this.ensureRendered(certificate.id);
    return createReadStream(this.storage.absolute(path));
  }

  private pdfData(c: StoredCertificate) {
    return {
      language: c.language,
      holderName: c.holderName,
      certificateName: localisedText(c.certificateType.names, c.language),
      organisationName: c.organisation.name,
      networkName: c.network.name,
      issuedAt: c.issuedAt,
      expiresAt: c.expiresAt,
      signatories: (c.certificateType.signatories ?? []) as { name: string; title: string }[],
      code: c.code,
      verifyUrl: `${this.config.publicUrl}/verify/${c.code}`,
    };
  }
}
