import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ERROR_CODES } from '@tadamon/shared';
import { startTestApp, type TestApp } from './support/test-app.js';
import { OutboxRelay } from '../src/common/jobs/outbox-relay.js';
import { createCollaborationWorld, signedIn } from './support/collaboration-world.js';
import type { TestClient } from './support/test-client.js';
import {
  CONTENT_TYPES,
  SchemaSampler,
  hostileQueryPart,
  hostileQueryValue,
  hostileSegment,
  hostileString,
  toJsonBytes,
  type JsonSchema,
} from './support/hostile-input.js';

/**
 * Every route of the published OpenAPI document, sent hostile paths, query strings, bodies and
 * content types by a signed-in coordinator and by a visitor. Whatever arrives, the API answers
 * below 500, a refusal carries a stable code, and a refused request leaves the database as it was.
 * FC_SEED=<n> replays a run; HOSTILE_RUNS=<n> sends more per route.
 */
const RUNS = Number(process.env.HOSTILE_RUNS ?? 3);
const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined;
const ERROR_CODE_SET = new Set<string>(ERROR_CODES);

interface Operation {
  method: string;
  path: string;
  pathParams: string[];
  query: string[];
  body?: JsonSchema;
}
interface Sent {
  url: string;
  body?: Buffer;
  contentType?: string;
  headers: Record<string, string>;
}

let t: TestApp;
let operations: Operation[];
let sampler: SchemaSampler;
let ids: string[];
let coordinatorEmail: string;

/** Tables a refused request may rightly touch: the caller's session, sign-in back-off, the audit of a failed sign-in. */
const MAY_CHANGE = new Set(['Session', 'SignInThrottle', 'AuditEvent', '_prisma_migrations']);
let checksumSql: string;

async function databaseState(): Promise<Map<string, string>> {
  const rows = await t.prisma.$queryRawUnsafe<{ t: string; h: string }[]>(checksumSql);
  return new Map(rows.map((row) => [row.t, row.h]));
}
function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after.keys()].filter((table) => !MAY_CHANGE.has(table) && before.get(table) !== after.get(table));
}

beforeAll(async () => {
  // Jobs are not consumed here: nothing changes the database between requests but the requests.
  t = await startTestApp({}, { consumeJobs: false });
  const world = await createCollaborationWorld(t);
  coordinatorEmail = world.coordinator.email;
  const leaderA = await signedIn(t, world.leaderA);
  const document = await leaderA.post(`/api/groups/${world.closedGroupId}/documents`, {
    kind: 'LETTER', ownerOrganisationId: world.orgA.id, language: 'en', title: 'Joint letter', body: 'Text.', signatoryOrganisationIds: [world.orgB.id],
  });
  expect(document.status).toBe(201);
  ids = [world.network.id, world.orgA.id, world.orgB.id, world.closedGroupId, world.openGroupId, document.body.id, randomUUID()];

  const openApi = (await t.client().get('/api/openapi.json')).body as {
    paths: Record<string, Record<string, { parameters?: { name: string; in: string }[]; requestBody?: { content: Record<string, { schema: JsonSchema }> } }>>;
    components: { schemas: Record<string, JsonSchema> };
  };
  sampler = new SchemaSampler(openApi.components.schemas, ids);
  operations = Object.entries(openApi.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method,
      path,
      // Some routes (tus uploads) declare no parameters: their `{names}` are read from the path.
      pathParams: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!),
      query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
      body: op.requestBody?.content['application/json']?.schema,
    })),
  );

  const tables = await t.prisma.$queryRawUnsafe<{ name: string }[]>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
  );
  checksumSql = tables
    .filter(({ name }) => !MAY_CHANGE.has(name))
    .map(({ name }) => `SELECT '${name}' AS t, count(*)::text || ':' || md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM "${name}" x`)
    .join(' UNION ALL ');
}, 120_000);
afterAll(async () => {
  await t?.close();
});

/** Routes whose success ends the session under test, or that stream until the client leaves. */
function usable(op: Operation, asVisitor: boolean): boolean {
  if (op.path.endsWith('/events')) return false;
  if (!asVisitor && /^\/api\/auth\/sign-out/.test(op.path)) return false;
  return true;
}

function requestFor(op: Operation): fc.Arbitrary<Sent> {
  const param = fc.oneof({ weight: 3, arbitrary: hostileSegment }, { weight: 1, arbitrary: fc.constantFrom(...ids) }, { weight: 1, arbitrary: fc.constant('en') });
  const params = fc.tuple(...op.pathParams.map(() => param));
  const queryValue = fc.oneof({ weight: 2, arbitrary: hostileQueryValue }, { weight: 1, arbitrary: fc.constantFrom(...ids, '1', 'en') });
  const query = fc.tuple(
    fc.subarray(op.query).chain((names) => fc.tuple(...names.map((name) => queryValue.map((value) => `${name}=${value}`)))),
    fc.option(hostileQueryPart, { freq: 3 }),
  );
  const sendsBody = !['get', 'head'].includes(op.method);
  const body = sendsBody ? fc.option(sampler.body(op.body), { freq: op.body ? 8 : 2 }) : fc.constant(null);
  const headers = op.path.startsWith('/api/uploads')
    ? fc.record({
        'tus-resumable': fc.constantFrom('1.0.0', '0.2', '\u00ff'),
        'upload-length': fc.constantFrom('-1', '1e400', '99999999999999999999', 'abc', '10'),
        'upload-metadata': hostileString.map((name) => `filename ${Buffer.from(name).toString('base64')},filetype ${Buffer.from('../../x').toString('base64')}`),
      })
    : fc.constant({});
  return fc.record({ params, query, body, contentType: fc.constantFrom(...CONTENT_TYPES), headers }).map(({ params, query, body, contentType, headers }) => {
    let path = op.path;
    op.pathParams.forEach((name, i) => (path = path.replace(`{${name}}`, params[i]!)));
    const parts = [...query[0], ...(query[1] ? [query[1]] : [])];
    const url = parts.length ? `${path}?${parts.join('&')}` : path;
    return { url, body: body === null ? undefined : toJsonBytes(body), contentType: contentType || undefined, headers };
  });
}

async function send(client: TestClient, op: Operation, sent: Sent) {
  const method = op.method as 'get' | 'post' | 'put' | 'patch' | 'delete' | 'head';
  let request = client.agent[method](sent.url).timeout({ response: 30_000 }).set(sent.headers);
  if (client.csrfToken) request = request.set('x-csrf-token', client.csrfToken);
  if (sent.body) {
    if (sent.contentType) request = request.set('content-type', sent.contentType);
    request = request.send(sent.body);
  }
  return request.buffer(true).parse((response, done) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('end', () => done(null, Buffer.concat(chunks)));
  });
}

async function sweep(client: TestClient, asVisitor: boolean) {
  const problems: string[] = [];
  let before = await databaseState();
  for (const op of operations.filter((o) => usable(o, asVisitor))) {
    const label = `${op.method.toUpperCase()} ${op.path}`;
    const outcome = await fc.check(
      fc.asyncProperty(requestFor(op), async (sent) => {
        const response = await send(client, op, sent);
        // An accepted request may queue jobs: let the relay hand them over now, so its
        // background write to the outbox is not taken for the next (refused) request's.
        if (response.status < 400) await t.app.get(OutboxRelay).flush();
        const text = (response.body as Buffer).toString('utf8');
        const after = await databaseState();
        const changed = changedTables(before, after);
        before = after;
        const where = `${label} ${sent.url.slice(0, 200)} [${sent.contentType}] ${sent.body?.toString('latin1').slice(0, 200) ?? ''}`;
        if (response.status >= 500) throw new Error(`${response.status} ${text.slice(0, 200)} ← ${where}`);
        if (({} as Record<string, unknown>).polluted !== undefined) throw new Error(`Object.prototype polluted ← ${where}`);
        if (response.status < 400) return;
        if (op.method !== 'head') {
          let code: string | undefined;
          try {
            code = (JSON.parse(text) as { code?: string }).code;
          } catch {
            code = undefined;
          }
          if (!code || !ERROR_CODE_SET.has(code)) throw new Error(`${response.status} without a stable code: ${text.slice(0, 200)} ← ${where}`);
        }
        if (changed.length) throw new Error(`refused (${response.status}) but changed ${changed.join(', ')} ← ${where}`);
      }),
      { numRuns: asVisitor ? Math.max(1, RUNS - 1) : RUNS, endOnFailure: true, seed: SEED },
    );
    if (outcome.failed) problems.push(`${outcome.errorInstance instanceof Error ? outcome.errorInstance.message : String(outcome.errorInstance)} (seed ${outcome.seed})`);
  }
  return problems;
}

describe('hostile input to every route', () => {
  it('enumerates the API’s routes from its OpenAPI document', () => {
    expect(operations.length).toBeGreaterThan(150);
    expect(operations.some((o) => o.method === 'put' && o.path === '/api/documents/{id}/versions/{language}')).toBe(true);
  });

  it('sees a change in the database when a request is accepted (the unchanged-database check can fail)', async () => {
    const coordinator = await signedIn(t, { email: coordinatorEmail });
    const before = await databaseState();
    expect((await coordinator.patch('/api/me/profile', { name: 'Renamed coordinator' })).status).toBe(200);
    expect(changedTables(before, await databaseState())).toEqual(['User']);
  });

  it('never answers 5xx to a signed-in coordinator, refuses with a stable code and changes nothing when it refuses', async () => {
    const coordinator = await signedIn(t, { email: coordinatorEmail });
    const problems = await sweep(coordinator, false);
    expect(problems).toEqual([]);
    // Still signed in: no hostile request ended the session it came with.
    expect((await coordinator.get('/api/auth/session')).body.user).toBeTruthy();
  }, 240_000);

  it('never answers 5xx to a visitor, refuses with a stable code and changes nothing', async () => {
    const visitor = t.client();
    await visitor.get('/api/auth/csrf').then((answer) => (visitor.csrfToken = answer.body.csrfToken));
    expect(await sweep(visitor, true)).toEqual([]);
  }, 240_000);
});
