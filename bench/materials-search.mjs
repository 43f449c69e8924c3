// Search over the material library: seeds N materials (default 50,000) in five languages,
// then runs C concurrent searches (default 20) against the real API over loopback for D
// seconds, and prints p50/p95/p99 latency. Goal (issue 3): p95 under 50 ms.
//
// It also runs searches never seen before (nothing cached), alone and mixed among the repeated
// ones, then the same searches straight through the API's own search repository (same SQL,
// same Prisma pool, no HTTP, sessions or JSON), to separate the database's share.
//
//   pnpm run build && node bench/materials-search.mjs [--materials 50000] [--connections 20] [--seconds 15]
//   (BENCH_KEEP_DB=1 keeps the seeded database; BENCH_DATABASE=<name> runs on it again.)
import { Agent, request } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { arg, percentile, pg, repo, seedPeople, startApi } from './materials-common.mjs';

const MATERIALS = arg('materials', 50_000);
const CONNECTIONS = arg('connections', 20);
const SECONDS = Math.min(arg('seconds', 15), 60);

// Words per language; each material's title, summary, tags and document text draw from them.
const WORDS = {
  en: ['leadership', 'volunteer', 'meeting', 'budget', 'water', 'hygiene', 'first', 'aid', 'bandage', 'union', 'rights', 'campaign', 'women', 'youth', 'training', 'safety', 'health', 'fundraising', 'donor', 'report'],
  fr: ['réunion', 'bénévole', 'équipe', 'santé', 'sécurité', 'droits', 'syndicat', 'formation', 'hygiène', 'secours', 'collecte', 'femmes', 'jeunesse', 'élection', 'trésorier', 'mutuelle', 'plaidoyer', 'école', 'eau', 'premiers'],
  ar: ['القيادة', 'متطوع', 'اجتماع', 'الميزانية', 'المياه', 'النظافة', 'الإسعافات', 'الأولية', 'النقابة', 'الحقوق', 'حملة', 'النساء', 'الشباب', 'التدريب', 'السلامة', 'الصحة', 'التبرعات', 'المانحين', 'تقرير', 'المناصرة'],
  es: ['liderazgo', 'voluntario', 'reunión', 'presupuesto', 'agua', 'higiene', 'primeros', 'auxilios', 'sindicato', 'derechos', 'campaña', 'mujeres', 'jóvenes', 'formación', 'seguridad', 'salud', 'recaudación', 'donantes', 'informe', 'incidencia'],
  nl: ['leiderschap', 'vrijwilliger', 'vergadering', 'begroting', 'water', 'hygiëne', 'eerste', 'hulp', 'vakbond', 'rechten', 'campagne', 'vrouwen', 'jongeren', 'opleiding', 'veiligheid', 'gezondheid', 'fondsenwerving', 'donoren', 'verslag', 'belangenbehartiging'],
};
const LANGS = Object.keys(WORDS);

// What people type: whole words, prefixes, without accents, Arabic, two words, with filters.
const QUERIES = [
  'q=leadership', 'q=benevole', 'q=reunion%20equipe', 'q=secur', 'q=' + encodeURIComponent('المياه'),
  'q=' + encodeURIComponent('الاسعافات'), 'q=voluntario', 'q=vakbond', 'q=first%20aid', 'q=hygiene&kind=DOCUMENT',
  'q=fundrais&audience=LEADERS', 'q=campa', 'q=salud&language=es', 'standardTopic=HYGIENE', 'language=ar', 'q=gezondheid',
];

async function seed(databaseUrl) {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const people = await seedPeople(db);
  if (people.kept) {
    await db.end();
    console.log('reusing the seeded database');
    return people;
  }
  const started = Date.now();
  const words = (lang) => `ARRAY[${WORDS[lang].map((w) => `'${w}'`).join(',')}]`;
  // A few topic words people search for, among many other words (hex strings stand in for the
  // rest of a real vocabulary), so a search matches a realistic share of the library.
  const phrase = (lang, real, filler = 0) =>
    `(SELECT string_agg(w, ' ' ORDER BY random()) FROM (
        SELECT (${words(lang)})[1 + floor(random() * 20)::int] AS w FROM generate_series(1, ${real}) WHERE g.i > 0
        UNION ALL SELECT substr(md5(random()::text), 1, 7) FROM generate_series(1, ${filler}) WHERE g.i > 0) AS x)`;
  // Materials: 80 % in the bench network (some organisation-only), 20 % in another network.
  await db.query(
    `INSERT INTO "Material" (id, "networkId", "organisationId", kind, "standardTopic", audience, visibility, "updatedAt")
     SELECT gen_random_uuid(), o."networkId", o.id,
            (ARRAY['DOCUMENT','DOCUMENT','DOCUMENT','VIDEO','LINK'])[1 + g.i % 5]::"MaterialKind",
            (ARRAY['LEADERSHIP','ORGANISING','FUNDRAISING','FIRST_AID','HYGIENE','LEGAL_ADVOCACY'])[1 + g.i % 6]::"MaterialStandardTopic",
            (ARRAY['LEADERS','VOLUNTEERS','EVERYONE'])[1 + g.i % 3]::"MaterialAudience",
            (ARRAY['NETWORK','NETWORK','NETWORK','ORGANISATION','PUBLIC'])[1 + g.i % 5]::"MaterialVisibility",
            now() - (g.i || ' minutes')::interval
       FROM generate_series(1, $1) AS g(i)
       JOIN LATERAL (SELECT id, "networkId" FROM "Organisation" ORDER BY md5(g.i::text || id::text) LIMIT 1) o ON true`,
    [MATERIALS],
  );
  // One language version each, a second one for every third material.
  for (const [index, lang] of LANGS.entries()) {
    await db.query(
      `INSERT INTO "MaterialTranslation" (id, "materialId", language, title, summary, tags, "externalUrl", "extractedText", "updatedAt")
       SELECT gen_random_uuid(), g.id, '${lang}', ${phrase(lang, 4)}, ${phrase(lang, 3, 15)},
              ARRAY[(${words(lang)})[1 + floor(random() * 20)::int]],
              CASE WHEN g.kind = 'LINK' THEN 'https://example.org/' || g.id END,
              CASE WHEN g.kind = 'DOCUMENT' THEN ${phrase(lang, 3, 150)} ELSE '' END, g."updatedAt"
         FROM (SELECT m.id, m.kind, m."updatedAt", row_number() OVER (ORDER BY m.id) AS i FROM "Material" m) g
        WHERE g.i % 5 = ${index} OR (g.i % 3 = 0 AND (g.i + 1) % 5 = ${index})`,
    );
  }
  // Non-link versions get a processed file, so readers see them.
  await db.query(
    `WITH files AS (
       INSERT INTO "MaterialFile" (id, "translationId", version, "originalName", "mimeType", "sizeBytes", "storageKey", status)
       SELECT gen_random_uuid(), t.id, 1, 'file.pdf', 'application/pdf', 1000, 'bench/' || t.id, 'READY'
         FROM "MaterialTranslation" t WHERE t."externalUrl" IS NULL
       RETURNING id, "translationId")
     UPDATE "MaterialTranslation" t SET "currentFileId" = files.id FROM files WHERE files."translationId" = t.id`,
  );
  // As autovacuum leaves a library in use: setting currentFileId above rewrote every version
  // (dead copies the GIN index still points to), and GIN keeps fresh entries in a pending list
  // that each search must scan until vacuum merges it. Unvacuumed, searches ran 3-4x slower.
  await db.query('VACUUM ANALYZE');
  const { rows: [counts] } = await db.query(
    `SELECT (SELECT count(*) FROM "Material")::int AS materials, (SELECT count(*) FROM "MaterialTranslation")::int AS versions`,
  );
  await db.end();
  console.log(`seeded ${counts.materials} materials, ${counts.versions} language versions in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return people;
}

/**
 * Searches that never repeat, in a fixed shuffled order: a word or a prefix of it from one
 * language, alone or with a filter, and a prefix followed by another word of the same language
 * (12,460 in all, more than the runs get through).
 */
function distinctQueries() {
  const filters = ['', '&kind=DOCUMENT', '&kind=VIDEO', '&kind=LINK', '&audience=LEADERS', '&audience=VOLUNTEERS', '&audience=EVERYONE', '&language=fr', '&language=ar'];
  const list = [];
  for (const words of Object.values(WORDS)) {
    for (const word of words) {
      for (let length = 4; length <= word.length; length++) {
        const prefix = word.slice(0, length);
        for (const filter of filters) list.push(`q=${encodeURIComponent(prefix)}${filter}`);
        for (const other of words) if (other !== word) list.push(`q=${encodeURIComponent(`${prefix} ${other}`)}`);
      }
    }
  }
  let seed = 7;
  for (let i = list.length - 1; i > 0; i--) {
    seed = (seed * 48271) % 2147483647;
    const j = seed % (i + 1);
    [list[i], list[j]] = [list[j], list[i]];
  }
  let next = 0;
  return () => {
    if (next === list.length) throw new Error('the bench ran out of new searches');
    return list[next++];
  };
}

function cycling(list) {
  let next = 0;
  return () => list[next++ % list.length];
}

function decoded(res, body) {
  const encoding = res.headers['content-encoding'];
  return encoding === 'br' ? brotliDecompressSync(body) : encoding === 'gzip' ? gunzipSync(body) : body;
}

function get(agent, baseUrl, path, cookie) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    // As a browser asks: compressed answers accepted.
    const headers = { cookie, accept: 'application/json', 'accept-encoding': 'gzip, deflate, br' };
    const req = request(`${baseUrl}${path}`, { agent, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, ms: performance.now() - started, body: decoded(res, Buffer.concat(chunks)) }));
    });
    req.setTimeout(10_000, () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end();
  });
}

const api = await startApi('search');
try {
  const people = await seed(api.databaseUrl);
  const cookie = people.cookies.VOLUNTEER;
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  // Sanity: searches find something, so we measure real work, not empty answers.
  for (const query of QUERIES.slice(0, 6)) {
    const answer = await get(agent, api.baseUrl, `/api/materials?${query}`, cookie);
    const items = JSON.parse(answer.body.toString()).items;
    if (answer.status !== 200 || !items?.length) throw new Error(`${query} answered ${answer.status} with ${items?.length ?? 0} items`);
  }
  const fmt = (n) => n.toFixed(1);
  const report = (label, { latencies, errors }) => {
    console.log(
      `${label}: ${MATERIALS} materials, ${CONNECTIONS} concurrent, ${SECONDS} s, ${latencies.length} searches ` +
        `(${fmt(latencies.length / SECONDS)}/s), ${errors} errors`,
    );
    console.log(
      `  latency ms: p50 ${fmt(percentile(latencies, 50))}  p95 ${fmt(percentile(latencies, 95))}  ` +
        `p99 ${fmt(percentile(latencies, 99))}  max ${fmt(latencies[latencies.length - 1] ?? NaN)}`,
    );
  };
  /** CONNECTIONS loops, each doing one search after another (`nextQuery` picks it), for `seconds`. */
  const run = async (seconds, search, nextQuery = cycling(QUERIES)) => {
    const latencies = [];
    let errors = 0;
    const deadline = performance.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (performance.now() < deadline) {
          const query = nextQuery();
          const started = performance.now();
          try {
            if (await search(query)) latencies.push(performance.now() - started);
            else errors++;
          } catch {
            errors++;
          }
        }
      }),
    );
    return { latencies: latencies.sort((a, b) => a - b), errors };
  };

  const overHttp = async (query) => (await get(agent, api.baseUrl, `/api/materials?${query}`, cookie)).status === 200;
  await run(3, overHttp);
  report('materials search over HTTP (the 16 searches above, repeated: pages come from the cache)', await run(SECONDS, overHttp));
  // Every search a new one, so none is answered from the cache: the database's full work.
  const fresh = distinctQueries();
  report('materials search over HTTP, every search new (no cache)', await run(SECONDS, overHttp, fresh));
  // Between the two: the popular searches with one in N never seen before (later runs continue
  // the same list, so no new search repeats one from an earlier run).
  for (const everyNth of [20, 10, 5]) {
    const popular = cycling(QUERIES);
    let count = 0;
    const mixed = () => (++count % everyNth === 0 ? fresh() : popular());
    report(`materials search over HTTP, one search in ${everyNth} new`, await run(SECONDS, overHttp, mixed));
  }

  // The same SQL through the API's compiled repository.
  const requireFromApi = createRequire(join(repo, 'apps/api/package.json'));
  await import(requireFromApi.resolve('reflect-metadata'));
  const { PrismaService } = await import(join(repo, 'apps/api/dist/common/database/prisma.service.js'));
  const { MaterialSearchRepository } = await import(join(repo, 'apps/api/dist/modules/materials/material-search.repository.js'));
  const { prefixQuery } = await import(join(repo, 'apps/api/dist/common/text/search-query.js'));
  const prisma = new PrismaService(api.databaseUrl);
  const repository = new MaterialSearchRepository(prisma);
  const scope = {
    all: false,
    networkIds: [people.networkId],
    organisationIds: [people.organisations[0].id],
    coordinatorNetworkIds: [],
    leaderOrganisationIds: [],
  };
  const direct = async (query) => {
    const params = new URLSearchParams(query);
    const q = params.get('q');
    await repository.search({
      scope,
      language: 'fr',
      tsQuery: q ? prefixQuery(q) : undefined,
      standardTopic: params.get('standardTopic') ?? undefined,
      audience: params.get('audience') ?? undefined,
      kind: params.get('kind') ?? undefined,
      hasLanguage: params.get('language') ?? undefined,
      take: 26,
    });
    return true;
  };
  await run(3, direct);
  report('materials search SQL only', await run(SECONDS, direct));
  await prisma.$disconnect();
  agent.destroy();
} finally {
  await api.stop();
}
