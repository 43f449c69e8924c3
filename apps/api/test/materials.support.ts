import { request as httpRequest } from 'node:http';
import type { TestApp } from './support/test-app.js';
import type { PrismaService } from '../src/common/database/prisma.service.js';
import { TEST_PASSWORD } from './support/factories.js';
import type { TestClient } from './support/test-client.js';
import { passSecondFactorForTests } from './support/second-factor.js';

export { makePdf } from './support/pdf-fixture.js';

/**
 * Helpers for the material-library tests: a client that speaks tus over a real socket, so an
 * upload can be cut off mid-way the way a dropped 3G connection cuts it.
 */

export const tusMetadata = (fields: Record<string, string>) =>
  Object.entries(fields)
    .map(([key, value]) => `${key} ${Buffer.from(value, 'utf8').toString('base64')}`)
    .join(',');

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** Signs in over a real socket and keeps the session cookie and CSRF token. */
export class LiveClient {
  private cookies = new Map<string, string>();
  csrfToken = '';

  constructor(readonly baseUrl: string) {}

  static async signedIn(t: TestApp, email: string): Promise<LiveClient> {
    const address = t.app.getHttpServer().address();
    if (!address || typeof address === 'string') throw new Error('The test app is not listening');
    return LiveClient.signedInAt(`http://127.0.0.1:${address.port}`, t.prisma, email);
  }

  /** Signed in on an API listening at `baseUrl` (a process of its own, for instance). */
  static async signedInAt(baseUrl: string, prisma: PrismaService, email: string): Promise<LiveClient> {
    const client = new LiveClient(baseUrl);
    const csrf = await client.send('GET', '/api/auth/csrf');
    client.csrfToken = JSON.parse(csrf.body.toString()).csrfToken;
    const body = Buffer.from(JSON.stringify({ email, password: TEST_PASSWORD }));
    const session = await client.send('POST', '/api/auth/sign-in', { 'content-type': 'application/json' }, body);
    if (session.status !== 200) throw new Error(`Sign-in failed: ${session.status}`);
    const answer = JSON.parse(session.body.toString());
    client.csrfToken = answer.csrfToken;
    if (answer.secondFactor) await passSecondFactorForTests(prisma, answer.user.id);
    return client;
  }

  /** The same person (cookies and CSRF token) talking to another API process. */
  at(baseUrl: string): LiveClient {
    const other = new LiveClient(baseUrl);
    other.cookies = new Map(this.cookies);
    other.csrfToken = this.csrfToken;
    return other;
  }

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  /**
   * One request. With `cutAfter`, only that many bytes of the body are sent before the
   * connection is destroyed, and the answer is whatever the server managed (or none).
   */
  send(method: string, path: string, headers: Record<string, string> = {}, body?: Buffer, cutAfter?: number): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const request = httpRequest(`${this.baseUrl}${path}`, {
        method,
        headers: { cookie: this.cookieHeader(), 'x-csrf-token': this.csrfToken, 'tus-resumable': '1.0.0', ...headers },
      });
      request.on('response', (response) => {
        for (const line of ([] as string[]).concat(response.headers['set-cookie'] ?? [])) {
          const [pair] = line.split(';');
          const [name, value] = pair!.split('=');
          this.cookies.set(name!, value ?? '');
        }
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      });
      if (cutAfter !== undefined && body) {
        request.on('error', () => resolve({ status: 0, headers: {}, body: Buffer.alloc(0) }));
        request.write(body.subarray(0, cutAfter), () => setTimeout(() => request.destroy(), 300));
        return;
      }
      request.on('error', reject);
      request.end(body);
    });
  }

  /** Creates an upload for a language version; answers its path (Location). */
  async createUpload(translationId: string, filename: string, size: number): Promise<Answer & { location?: string }> {
    const answer = await this.send('POST', '/api/uploads', {
      'upload-length': String(size),
      'upload-metadata': tusMetadata({ translationId, filename }),
    });
    return { ...answer, location: answer.headers.location as string | undefined };
  }

  patch(location: string, offset: number, bytes: Buffer, cutAfter?: number) {
    return this.send(
      'PATCH',
      location,
      { 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream', 'content-length': String(bytes.length) },
      bytes,
      cutAfter,
    );
  }

  async offset(location: string): Promise<number> {
    const answer = await this.send('HEAD', location);
    return Number(answer.headers['upload-offset']);
  }

  /** The whole upload in one go; answers the new file version's id. */
  async upload(translationId: string, filename: string, bytes: Buffer): Promise<{ status: number; fileId?: string; body: string }> {
    const created = await this.createUpload(translationId, filename, bytes.length);
    if (created.status !== 201 || !created.location) return { status: created.status, body: created.body.toString() };
    const patched = await this.patch(created.location, 0, bytes);
    return { status: patched.status, fileId: patched.headers['x-material-file-id'] as string | undefined, body: patched.body.toString() };
  }
}

export interface Download {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  /** The signed URL the API redirected to (S3), if it did. */
  signedUrl?: string;
}

/**
 * GET a file's content the way a browser does: with S3 storage the API answers a redirect to
 * a signed URL after its access check, and the browser then fetches the bytes from the bucket.
 */
export async function fetchContent(
  client: TestClient,
  path: string,
  headers: Record<string, string> = {},
): Promise<Download> {
  let request = client.get(path).buffer(true);
  for (const [name, value] of Object.entries(headers)) request = request.set(name, value);
  const answer = await request;
  const plain = (h: Record<string, unknown>) => Object.fromEntries(Object.entries(h).map(([k, v]) => [k, String(v)]));
  if (answer.status !== 302) return { status: answer.status, headers: plain(answer.headers), body: answer.body as Buffer };
  const signedUrl = answer.headers.location as string;
  const direct = await fetch(signedUrl, { headers });
  return {
    status: direct.status,
    headers: Object.fromEntries(direct.headers),
    body: Buffer.from(await direct.arrayBuffer()),
    signedUrl,
  };
}
