import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('API conventions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('answers liveness and readiness with the database and Redis checked', async () => {
    const live = await t.client().get('/api/health/live');
    expect(live.status).toBe(200);
    const ready = await t.client().get('/api/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.info).toMatchObject({ database: { status: 'up' }, redis: { status: 'up' } });
  });

  it('publishes an OpenAPI document built from the zod schemas', async () => {
    const doc = await t.client().get('/api/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.body.paths)).toContain('/api/auth/sign-in');
    const signIn = doc.body.paths['/api/auth/sign-in'].post;
    const ref: string = signIn.requestBody.content['application/json'].schema.$ref;
    const schema = doc.body.components.schemas[ref.split('/').pop()!];
    expect(schema.required).toEqual(expect.arrayContaining(['password']));
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['identifier', 'email', 'password', 'sharedDevice']));
  });

  it('gives each response shape its own schema, so two lists of revisions are not published as one', async () => {
    const doc = await t.client().get('/api/openapi.json');
    const responseRef = (path: string) =>
      doc.body.paths[path].get.responses.default.content['application/json'].schema.$ref as string;
    const postRevisions = responseRef('/api/posts/{id}/revisions');
    const documentRevisions = responseRef('/api/documents/{id}/versions/{language}/revisions');
    expect(postRevisions).not.toBe(documentRevisions);
  });

  it('serves a browsable API page', async () => {
    const page = await t.client().get('/api/docs');
    expect(page.status).toBe(200);
    expect(page.text).toContain('swagger');
  });

  it('answers an unknown route with the error shape and a request id, never a stack', async () => {
    const res = await t.client().get('/api/no-such-thing');
    expect(res.status).toBe(404);
    expect(Object.keys(res.body).sort()).toEqual(['code', 'message', 'requestId']);
    expect(res.body.code).toBe('NOT_FOUND');
    expect(res.headers['x-request-id']).toBe(res.body.requestId);
  });

  it('keeps a sane caller-supplied request id so logs join up', async () => {
    const res = await t.client().get('/api/no-such-thing').set('x-request-id', 'trace-12345678');
    expect(res.body.requestId).toBe('trace-12345678');
  });

  it('answers malformed JSON with VALIDATION_FAILED, not a parser message', async () => {
    const client = t.client();
    await client.get('/api/auth/csrf');
    const csrf = (await client.get('/api/auth/csrf')).body.csrfToken;
    const res = await client.agent
      .post('/api/auth/sign-in')
      .set('x-csrf-token', csrf)
      .set('content-type', 'application/json')
      .send('{"email": ');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.js|SyntaxError/);
  });

  it('marks API answers as private and sets security headers', async () => {
    const res = await t.client().get('/api/health/live');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    // Saved courses play their media offline from blob: URLs made from the device's cache.
    expect(res.headers['content-security-policy']).toContain("media-src 'self' blob:");
  });
});

describe('compression', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('compresses large JSON answers for clients that accept it', async () => {
    const res = await t.client().get('/api/openapi.json').set('accept-encoding', 'br, gzip');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toMatch(/br|gzip/);
    expect(res.body.openapi).toMatch(/^3\./);
  });
});
