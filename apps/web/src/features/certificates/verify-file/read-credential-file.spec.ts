import { zlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { CredentialFileError, readCredentialFile } from './read-credential-file';

const credential = { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiableCredential', 'OpenBadgeCredential'], proof: { type: 'DataIntegrityProof' } };
const encoder = new TextEncoder();

/** A PDF as pdfkit writes one with an attached file (Flate-compressed stream). */
function pdfWith(attachment: Uint8Array | null): Blob {
  const parts: (string | Uint8Array)[] = ['%PDF-1.7\n1 0 obj\n<<\n/Type /Catalog\n>>\nendobj\n'];
  if (attachment) {
    const packed = zlibSync(attachment);
    parts.push(`2 0 obj\n<<\n/Type /EmbeddedFile\n/Subtype /application#2Fjson\n/Length ${packed.length}\n/Filter /FlateDecode\n>>\nstream\n`, packed, '\nendstream\nendobj\n');
  }
  parts.push('%%EOF\n');
  return new Blob(parts.map((p) => (typeof p === 'string' ? encoder.encode(p) : p)) as BlobPart[]);
}

const problem = async (file: Blob) => {
  try {
    await readCredentialFile(file);
  } catch (error) {
    return (error as CredentialFileError).problem;
  }
  return null;
};

describe('reading the credential from a dropped file', () => {
  it('takes the credential JSON as it is', async () => {
    expect(await readCredentialFile(new Blob([JSON.stringify(credential)]))).toEqual(credential);
  });

  it('finds the credential attached inside a certificate PDF', async () => {
    expect(await readCredentialFile(pdfWith(encoder.encode(JSON.stringify(credential))))).toEqual(credential);
  });

  it('says a PDF carries no credential, or a file is not one', async () => {
    expect(await problem(pdfWith(null))).toBe('noCredentialInPdf');
    expect(await problem(pdfWith(encoder.encode('{"not":"a credential"}')))).toBe('noCredentialInPdf');
    expect(await problem(new Blob(['{"type":["VerifiableCredential"]}']))).toBe('notACredential');
    expect(await problem(new Blob(['not json at all']))).toBe('notACredential');
  });
});
