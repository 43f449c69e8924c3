import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';

/**
 * Minimal file storage for certificate PDFs under DATA_DIR/certificates. One deterministic
 * path per certificate, written through a temporary file and a rename, so a retried or
 * duplicated render replaces the same file atomically and never leaves a second one.
 * (To be replaced by the general storage driver once it exists.)
 */
export class CertificateStorage {
  private readonly root: string;

  constructor(dataDir: string) {
    this.root = resolve(dataDir, 'certificates');
  }

  relativePathFor(networkId: string, certificateId: string): string {
    return `${networkId}/${certificateId}.pdf`;
  }

  absolute(relativePath: string): string {
    const path = resolve(this.root, relativePath);
    if (!path.startsWith(this.root + sep)) throw new Error('Path escapes the certificate store');
    return path;
  }

  async write(relativePath: string, content: Buffer): Promise<void> {
    const path = this.absolute(relativePath);
    await mkdir(dirname(path), { recursive: true });
    const temporary = join(dirname(path), `.${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.tmp`);
    await writeFile(temporary, content);
    await rename(temporary, path);
  }

  async exists(relativePath: string): Promise<boolean> {
    try {
      return (await stat(this.absolute(relativePath))).isFile();
    } catch {
      return false;
    }
  }
}
