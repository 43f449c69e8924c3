// The bare baseline: Fastify and node-postgres, no framework, no ORM, no validation library.
// Each route answers with the session lookup plus the endpoint's primary SQL on the same
// database, as JSON: what the same work costs with nothing in the way.
//
//   node bench/load-mix/bare-server.mjs <database-url> <port>
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { BARE_SQL, SESSION_SQL } from './endpoints.mjs';

const requireFromApi = createRequire(fileURLToPath(new URL('../../apps/api/package.json', import.meta.url)));
const Fastify = requireFromApi('fastify');
const pg = requireFromApi('pg');

const [databaseUrl, port] = process.argv.slice(2);
// The API's pool is 10 connections per process (PrismaService); the baseline gets the same.
const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
const app = Fastify({ logger: false });
const COOKIE = '__Host-tadamon_session';

async function actorOf(request) {
  const cookie = request.headers.cookie ?? '';
  const token = cookie.split(/;\s*/).find((c) => c.startsWith(`${COOKIE}=`))?.slice(COOKIE.length + 1);
  if (!token) return null;
  const tokenHash = createHash('sha256').update(token).digest('base64url');
  const { rows: [s] } = await pool.query({ name: 'session', text: SESSION_SQL, values: [tokenHash] });
  if (!s || s.revokedAt || s.disabledAt || s.expiresAt < new Date()) return null;
  return {
    ...s,
    organisationIds: s.organisations.map((o) => o.organisationId),
    networkIds: [...new Set([...s.organisations.map((o) => o.networkId), ...s.networks.map((n) => n.networkId)])],
  };
}

/** The SQL step a request runs: the library route lists or searches, like the API's. */
async function answer(name, step, request, reply, shape) {
  const actor = step?.public ? null : await actorOf(request);
  if (!step?.public && !actor) return reply.code(401).send({ code: 'UNAUTHENTICATED' });
  if (!step) return { user: { id: actor.userId, name: actor.name }, organisations: actor.organisations, networks: actor.networks };
  const { rows } = await pool.query({ name, text: step.sql, values: step.params(actor, request.params, request.body ?? {}, request.query) });
  if (shape === 'list') return { items: rows };
  if (rows.length === 0) return reply.code(404).send({ code: 'NOT_FOUND' });
  return rows[0];
}

/** One route: session (unless public), then the endpoint's SQL; 401/404 like the API. */
function route(method, url, name, shape, step = BARE_SQL[name]) {
  // The prepared statement's name: the endpoint's, and its second step's (PostgreSQL keeps 63 bytes).
  const statement = step === BARE_SQL[name] ? name : `${name}, then`;
  app.route({ method, url, handler: (request, reply) => answer(statement, step, request, reply, shape) });
}

route('GET', '/api/auth/session', 'session', 'one');
route('GET', '/api/me/learning', 'home (my learning)', 'list');
route('GET', '/api/learning/catalogue', 'course catalogue', 'list');
route('GET', '/api/learning/enrolments/:enrolmentId/lessons/:lessonId', 'lesson open', 'one');
route('POST', '/api/learning/enrolments/:enrolmentId/lessons/:lessonId/progress', 'progress save', 'one');
route('POST', '/api/learning/enrolments/:enrolmentId/lessons/:lessonId/attempts', 'quiz submit', 'one');
route('POST', '/api/learning/enrolments/:enrolmentId/attempts/:attemptId/submission', 'quiz submit', 'one', BARE_SQL['quiz submit'].then);
app.get('/api/materials', (request, reply) =>
  request.query.q
    ? answer('library search', BARE_SQL['library search'], request, reply, 'list')
    : answer('library list', BARE_SQL['library list'], request, reply, 'list'),
);
route('GET', '/api/me/certificates', 'my certificates', 'list');
route('GET', '/api/verify/:code', 'certificate verification', 'one');
route('GET', '/api/meetings', 'meetings list', 'list');
route('GET', '/api/meetings/:meetingId', 'meeting detail', 'one');
route('GET', '/api/groups/:groupId/threads', "a group's threads", 'list');

await app.listen({ port: Number(port), host: '127.0.0.1' });
console.log(`bare server on ${port}`);
