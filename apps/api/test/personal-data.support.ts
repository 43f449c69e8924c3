import yauzl from 'yauzl';
import { expect } from 'vitest';
import type { TestApp } from './support/test-app.js';
import type { TestClient } from './support/test-client.js';
import { LiveClient, makePdf } from './materials.support.js';

/** Every entry of a ZIP, by name. */
export async function readZip(buffer: Buffer): Promise<Map<string, Buffer>> {
  const zip = await new Promise<yauzl.ZipFile>((ok, fail) => yauzl.fromBuffer(buffer, { lazyEntries: true }, (e, z) => (e ? fail(e) : ok(z))));
  const entries = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    zip.on('error', reject);
    zip.on('end', () => resolve());
    zip.on('entry', (entry: yauzl.Entry) => {
      zip.openReadStream(entry, (error, stream) => {
        if (error) return reject(error);
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          entries.set(entry.fileName, Buffer.concat(chunks));
          zip.readEntry();
        });
      });
    });
    zip.readEntry();
  });
  return entries;
}

/** GET a binary answer. */
export const getBytes = (client: TestClient, path: string) => client.get(path).buffer(true).parse((res, done) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
});

/** A library PDF uploaded by `email` (a leader of the organisation); answers its bytes and file id. */
export async function uploadPdf(t: TestApp, client: TestClient, email: string, networkId: string, organisationId: string, title: string) {
  const material = await client.post('/api/materials', {
    networkId,
    organisationId,
    kind: 'DOCUMENT',
    standardTopic: 'FIRST_AID',
    audience: 'EVERYONE',
    visibility: 'NETWORK',
    translation: { language: 'en', title },
  });
  expect(material.status, JSON.stringify(material.body)).toBe(201);
  const pdf = makePdf([title], 2_000);
  const live = await LiveClient.signedIn(t, email);
  const uploaded = await live.upload(material.body.translations[0].id, `${title}.pdf`, pdf);
  expect(uploaded.status, uploaded.body).toBe(204);
  return { pdf, fileId: uploaded.fileId!, materialId: material.body.id as string };
}
