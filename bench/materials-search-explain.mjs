// The library search's query plans, with what each one read: EXPLAIN (ANALYZE, BUFFERS) of the
// exact SQL the API's compiled search repository builds, for a volunteer, on a database kept by
// `materials-search.mjs` or `load-mix.mjs` (BENCH_KEEP_DB=1). Deterministic evidence beside the
// timings, which a shared machine makes noisy: the plan's shape and the pages it touched.
//
//   pnpm run build && node bench/materials-search-explain.mjs <database> [q ...]
//   (default searches: a common word, a prefix, an Arabic word with its article, two words)
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pg, repo } from './materials-common.mjs';

const [database, ...asked] = process.argv.slice(2);
if (!database) throw new Error('usage: node bench/materials-search-explain.mjs <database> [q ...]');
const searches = asked.length ? asked : ['santé', 'lead', 'الصحة', 'droits formation', 'hygi'];

const requireFromApi = createRequire(join(repo, 'apps/api/package.json'));
await import(requireFromApi.resolve('reflect-metadata'));
const { Prisma } = await import(join(repo, 'apps/api/dist/generated/prisma/client.js'));
// BENCH_SEARCH_REPOSITORY: another compiled version of the repository, to compare plans.
const { MaterialSearchRepository } = await import(join(repo, process.env.BENCH_SEARCH_REPOSITORY ?? 'apps/api/dist/modules/materials/material-search.repository.js'));
const { prefixQuery } = await import(join(repo, 'apps/api/dist/common/text/search-query.js'));

// A stand-in for PrismaService that keeps the SQL instead of running it.
let captured;
const capture = { $queryRaw: (strings, ...values) => ((captured = Prisma.sql(strings, ...values)), Promise.resolve([])) };
const repository = new MaterialSearchRepository(capture);

const admin = new URL(process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres');
admin.pathname = `/${database}`;
const db = new pg.Client({ connectionString: admin.toString() });
await db.connect();

// A volunteer of one organisation: the bench's own (materials-search.mjs) or the first of the load mix.
const { rows: [volunteer] } = await db.query(`
  SELECT m."organisationId", o."networkId" FROM "User" u
    JOIN "OrganisationMembership" m ON m."userId" = u.id JOIN "Organisation" o ON o.id = m."organisationId"
   WHERE u.email IN ('volunteer@bench.test', 'person2000@bench.test') AND m.role = 'VOLUNTEER'
   ORDER BY u.email DESC LIMIT 1`);
const scope = { all: false, networkIds: [volunteer.networkId], organisationIds: [volunteer.organisationId], coordinatorNetworkIds: [], leaderOrganisationIds: [] };
const { rows: [sizes] } = await db.query(`SELECT (SELECT count(*) FROM "Material")::int AS materials, (SELECT count(*) FROM "MaterialTranslation")::int AS versions`);
console.log(`${database}: ${sizes.materials} materials, ${sizes.versions} language versions; a volunteer's search, page of 21`);

// BENCH_EXPLAIN_SETUP: SQL run first inside a transaction rolled back at the end, e.g.
// 'DROP INDEX "MaterialTranslation_updatedAt_id_idx"' to see the plan the database had before it.
if (process.env.BENCH_EXPLAIN_SETUP) {
  await db.query('BEGIN');
  await db.query(process.env.BENCH_EXPLAIN_SETUP);
}
for (const q of searches) {
  await repository.search({ scope, language: 'fr', tsQuery: prefixQuery(q), take: 21 });
  // Twice: the first run may read from disk; the second shows the steady state.
  await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${captured.text}`, captured.values);
  const { rows } = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${captured.text}`, captured.values);
  console.log(`\n=== q=${q} (${prefixQuery(q)})`);
  for (const row of rows) console.log(row['QUERY PLAN']);
}
if (process.env.BENCH_EXPLAIN_SETUP) await db.query('ROLLBACK');
await db.end();
