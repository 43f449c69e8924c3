import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * tus 1.0 discovery: OPTIONS on the upload endpoint answers 204 with Tus-Version, the
 * extensions and the size limit, so a tus client learns what the server supports; CORS stays
 * closed (no Access-Control-Allow-* for another origin).
 */
let t: TestApp;
let dataDir: string;
const MAX = 3 * 1024 * 1024;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'tadamon-tus-options-'));
  t = await startTestApp({ DATA_DIR: dataDir, UPLOAD_MAX_BYTES: String(MAX) });
});
afterAll(async () => {
  await t?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('OPTIONS /api/uploads', () => {
  it('answers the tus 1.0 discovery headers, on the endpoint and on an upload’s address', async () => {
    for (const path of ['/api/uploads', '/api/uploads/0123456789abcdef']) {
      const answer = await request(t.app.getHttpServer()).options(path);
      expect(answer.status, path).toBe(204);
      expect(answer.headers['tus-version']).toBe('1.0.0');
      expect(answer.headers['tus-resumable']).toBe('1.0.0');
      expect(answer.headers['tus-max-size']).toBe(String(MAX));
      const extensions = String(answer.headers['tus-extension']).split(',');
      expect(extensions).toEqual(expect.arrayContaining(['creation', 'termination']));
      expect(answer.text).toBe('');
    }
  });

  it('gives another origin no CORS permission', async () => {
    const answer = await request(t.app.getHttpServer())
      .options('/api/uploads')
      .set('origin', 'https://evil.example')
      .set('access-control-request-method', 'POST');
    expect(answer.status).toBe(204);
    expect(Object.keys(answer.headers).filter((h) => h.startsWith('access-control-allow'))).toEqual([]);
  });
});
