import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';
import { TEST_PASSWORD, createWorld } from './support/factories.js';
import type { TestClient } from './support/test-client.js';
import { SEARCH_CANDIDATES } from '../src/modules/materials/material-search.repository.js';

/**
 * Search ranks a bounded set of candidates (the scope columns copied onto each language
 * version filter them first; the newest survivors are ranked). These tests make more matches
 * than that bound and check that what a reader may not see never takes a candidate's place,
 * that pages stay consistent, and that a new material is never the one left out.
 */
let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;
const ids = (body: { items: { id: string }[] }) => body.items.map((item) => item.id);

async function as(user: { email: string }): Promise<TestClient> {
  const client = t.client();
  await client.signIn(user.email, TEST_PASSWORD);
  return client;
}

/** Link materials (published at once), written straight into the database for speed. */
async function links(count: number, fields: { organisationId: string; visibility: 'ORGANISATION' | 'NETWORK'; title: string }) {
  const made: string[] = [];
  for (let i = 0; i < count; i++) {
    const material = await t.prisma.material.create({
      data: {
        networkId: world.network.id,
        organisationId: fields.organisationId,
        kind: 'LINK',
        standardTopic: 'HYGIENE',
        audience: 'EVERYONE',
        visibility: fields.visibility,
        translations: { create: { language: 'en', title: `${fields.title} ${i}`, externalUrl: `https://example.org/${i}` } },
      },
    });
    made.push(material.id);
  }
  return made;
}

/** Every page of a search, in order: the ids the reader is shown. */
async function everyMatch(client: TestClient, words: string): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const page = await client.get(`/api/materials?q=${encodeURIComponent(words)}&limit=100${cursor ? `&cursor=${cursor}` : ''}`);
    expect(page.status).toBe(200);
    seen.push(...ids(page.body));
    cursor = page.body.nextCursor;
  } while (cursor);
  return seen;
}

let hidden: string[];
let shared: string[];

beforeAll(async () => {
  t = await startTestApp();
  world = await createWorld(t.prisma);
  // Organisation B's own material ranks highest (the word three times in the title)…
  hidden = await links(SEARCH_CANDIDATES + 20, { organisationId: world.orgB.id, visibility: 'ORGANISATION', title: 'quokka quokka quokka' });
  // …the network's material only once.
  shared = await links(30, { organisationId: world.orgB.id, visibility: 'NETWORK', title: 'quokka guide' });
}, 240_000);
afterAll(async () => {
  await t?.close();
});

describe('bounded search keeps scope', () => {
  it('never shows another organisation’s own material, even as the best match, and still finds what the reader may see', async () => {
    const volunteerA = await as(world.volunteerA);
    const seen = await everyMatch(volunteerA, 'quokka');
    expect(seen.filter((id) => hidden.includes(id))).toEqual([]);
    expect(new Set(seen)).toEqual(new Set(shared));
  });

  it('pages through the ranked candidates without repeats, best first, for a reader who sees them all', async () => {
    const leaderB = await as(world.leaderB);
    const seen = await everyMatch(leaderB, 'quokka');
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.length).toBeLessThanOrEqual(SEARCH_CANDIDATES);
    // Three title words outrank one: every organisation-only match comes before the guides.
    const firstShared = seen.findIndex((id) => shared.includes(id));
    if (firstShared !== -1) expect(seen.slice(firstShared).every((id) => shared.includes(id))).toBe(true);
  });

  it('follows a change of visibility at once, in search as in the list', async () => {
    const coordinator = await as(world.coordinator);
    expect((await coordinator.patch(`/api/materials/${shared[0]}`, { visibility: 'ORGANISATION' })).status).toBe(200);
    const volunteerA = await as(world.volunteerA);
    expect(ids((await volunteerA.get('/api/materials?q=guide&limit=100')).body)).not.toContain(shared[0]);
    expect((await volunteerA.get(`/api/materials/${shared[0]}`)).status).toBe(404);
    expect((await coordinator.patch(`/api/materials/${shared[0]}`, { visibility: 'NETWORK' })).status).toBe(200);
    expect(ids((await volunteerA.get('/api/materials?q=guide&limit=100')).body)).toContain(shared[0]);
  });

  it('ranks the newest matches, so material added after hundreds that share its words is found', async () => {
    const [newest] = await links(1, { organisationId: world.orgB.id, visibility: 'ORGANISATION', title: 'quokka quokka quokka newest' });
    const leaderB = await as(world.leaderB);
    const seen = await everyMatch(leaderB, 'quokka');
    expect(seen).toContain(newest);
    // The reader sees more matches than are ranked: the oldest are the ones left out.
    expect(seen).not.toContain(hidden[0]);
  });

  it('ranks exactly the newest matches the reader may see in a large library, whatever others own', async () => {
    // 4,800 language versions one minute apart, the newest first; the volunteer of organisation
    // A may see one in eight (the rest are B's own), so the newest 500 they may see lie among
    // 3,500 matches they may not.
    const count = 4_800;
    await t.prisma.$executeRawUnsafe(
      `WITH made AS (
         INSERT INTO "Material" (id, "networkId", "organisationId", kind, "standardTopic", audience, visibility, "updatedAt")
         SELECT gen_random_uuid(), $1::uuid, $2::uuid, 'LINK', 'HYGIENE', 'EVERYONE',
                (CASE WHEN i % 8 = 0 THEN 'NETWORK' ELSE 'ORGANISATION' END)::"MaterialVisibility", now() - (i || ' minutes')::interval
           FROM generate_series(1, $3) i
         RETURNING id, "updatedAt")
       INSERT INTO "MaterialTranslation" (id, "materialId", language, title, "externalUrl", "updatedAt")
       SELECT gen_random_uuid(), id, 'en', 'wombat burrow', 'https://example.org/' || id, "updatedAt" FROM made`,
      world.network.id,
      world.orgB.id,
      count,
    );
    const expected = await t.prisma.$queryRaw<{ id: string }[]>`
      SELECT m.id FROM "Material" m JOIN "MaterialTranslation" t ON t."materialId" = m.id
       WHERE t.title = 'wombat burrow' AND m.visibility = 'NETWORK'
       ORDER BY t."updatedAt" DESC, t.id DESC LIMIT ${SEARCH_CANDIDATES}`;
    const volunteerA = await as(world.volunteerA);
    const seen = await everyMatch(volunteerA, 'wombat');
    expect(seen).toHaveLength(SEARCH_CANDIDATES);
    expect(new Set(seen)).toEqual(new Set(expected.map((row) => row.id)));
  }, 120_000);
});
