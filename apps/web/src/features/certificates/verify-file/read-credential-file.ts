import { unzlibSync } from 'fflate';

/** Why a dropped file holds no credential to check (an `errors:`-style key under certificates:). */
export type CredentialFileProblem = 'notACredential' | 'noCredentialInPdf' | 'tooLarge';

export class CredentialFileError extends Error {
  constructor(readonly problem: CredentialFileProblem) {
    super(problem);
  }
}

// A certificate PDF is well under a megabyte; anything far larger is not one of ours.
const MAX_BYTES = 10 * 1024 * 1024;

/**
 * The credential inside a file a person drops on the verify page: the JSON itself, or the
 * certificate PDF that carries it as an attached file (`/Type /EmbeddedFile`, as the API writes
 * it). Read in the browser: nothing is uploaded.
 */
export async function readCredentialFile(file: Blob): Promise<object> {
  if (file.size > MAX_BYTES) throw new CredentialFileError('tooLarge');
  const bytes = new Uint8Array(await file.arrayBuffer());
  const isPdf = new TextDecoder('latin1').decode(bytes.subarray(0, 5)) === '%PDF-';
  const candidates = isPdf ? embeddedFiles(bytes) : [bytes];
  for (const candidate of candidates) {
    const credential = parseCredential(candidate);
    if (credential) return credential;
  }
  throw new CredentialFileError(isPdf ? 'noCredentialInPdf' : 'notACredential');
}

function parseCredential(bytes: Uint8Array): object | null {
  try {
    const value = JSON.parse(new TextDecoder().decode(bytes)) as { type?: unknown; proof?: unknown };
    const types = Array.isArray(value.type) ? value.type : [value.type];
    return types.includes('VerifiableCredential') && value.proof ? value : null;
  } catch {
    return null;
  }
}

/** The contents of every embedded file stream of a PDF (plain or Flate-compressed). */
export function embeddedFiles(pdf: Uint8Array): Uint8Array[] {
  // Latin-1 maps each byte to one character, so string offsets are byte offsets.
  const text = new TextDecoder('latin1').decode(pdf);
  const files: Uint8Array[] = [];
  const dictionary = /\/Type\s*\/EmbeddedFile\b/g;
  for (let match = dictionary.exec(text); match; match = dictionary.exec(text)) {
    const start = text.lastIndexOf('<<', match.index);
    const streamAt = text.indexOf('stream', match.index);
    if (start < 0 || streamAt < 0) continue;
    const header = text.slice(start, streamAt);
    const length = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(header);
    let dataStart = streamAt + 'stream'.length;
    if (text[dataStart] === '\r') dataStart++;
    if (text[dataStart] === '\n') dataStart++;
    const dataEnd = length ? dataStart + Number(length[1]) : text.indexOf('endstream', dataStart);
    const raw = pdf.subarray(dataStart, dataEnd);
    try {
      files.push(/\/FlateDecode/.test(header) ? unzlibSync(raw) : raw);
    } catch {
      // A stream we cannot read is not the credential we are looking for.
    }
  }
  return files;
}
