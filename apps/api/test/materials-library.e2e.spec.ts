import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';
import { TEST_PASSWORD, createWorld } from './support/factories.js';
import type { TestClient } from './support/test-client.js';
import { LiveClient, makePdf } from './materials.support.js';

let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;
let dataDir: string;
const ids = (body: { items: { id: string }[] }) => body.items.map((item) => item.id);

async function as(user: { email: string }): Promise<TestClient> {
  const client = t.client();
  await client.signIn(user.email, TEST_PASSWORD);
  return client;
}

/** A material with one processed PDF, as `user` makes it. */
async function publish(user: { email: string }, fields: Record<string, unknown>, pdfText: string) {
  const client = await as(user);
  const created = await client.post('/api/materials', {
    kind: 'DOCUMENT',
    standardTopic: 'LEADERSHIP',
    audience: 'EVERYONE',
    visibility: 'NETWORK',
    ...fields,
  });
  expect(created.status).toBe(201);
  const live = await LiveClient.signedIn(t, user.email);
  const uploaded = await live.upload(created.body.translations[0].id, 'doc.pdf', makePdf([pdfText]));
  expect(uploaded.status).toBe(204);
  await t.jobs.drain(20_000);
  return { id: created.body.id as string, translationId: created.body.translations[0].id as string, fileId: uploaded.fileId! };
}

let privateA: Awaited<ReturnType<typeof publish>>;
let networkB: Awaited<ReturnType<typeof publish>>;
let otherNetwork: Awaited<ReturnType<typeof publish>>;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'tadamon-library-'));
  t = await startTestApp({ DATA_DIR: dataDir });
  await t.app.listen(0, '127.0.0.1');
  world = await createWorld(t.prisma);
  privateA = await publish(
    world.leaderA,
    { networkId: world.network.id, organisationId: world.orgA.id, visibility: 'ORGANISATION', translation: { language: 'fr', title: 'Réunion de l’équipe', tags: ['équipe'] } },
    'Confidential budget zebra',
  );
  networkB = await publish(
    world.leaderB,
    { networkId: world.network.id, organisationId: world.orgB.id, standardTopic: 'FUNDRAISING', audience: 'LEADERS', translation: { language: 'ar', title: 'جمع التبرعات للجمعيات', summary: 'دليل المُنظِّم' } },
    'Fundraising events',
  );
  otherNetwork = await publish(
    world.otherCoordinator,
    { networkId: world.otherNetwork.id, translation: { language: 'en', title: 'Other network zebra guide' } },
    'Nothing shared',
  );
});
afterAll(async () => {
  await t?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('who sees which material', () => {
  it('keeps organisation-only material inside the organisation, by list, search, id and file', async () => {
    const volunteerA = await as(world.volunteerA);
    const volunteerB = await as(world.volunteerB);
    expect(ids((await volunteerA.get('/api/materials')).body)).toContain(privateA.id);
    expect(ids((await volunteerB.get('/api/materials')).body)).not.toContain(privateA.id);
    expect(ids((await volunteerB.get('/api/materials?q=zebra')).body)).toEqual([]);
    expect((await volunteerB.get(`/api/materials/${privateA.id}`)).status).toBe(404);
    expect((await volunteerB.get(`/api/material-files/${privateA.fileId}/content`)).status).toBe(404);
    expect((await volunteerA.get(`/api/material-files/${privateA.fileId}/content`)).status).toBe(200);
    // The network's coordinator sees it; another network's coordinator does not.
    expect(ids((await (await as(world.coordinator)).get('/api/materials?q=zebra')).body)).toEqual([privateA.id]);
    expect(ids((await (await as(world.otherCoordinator)).get('/api/materials?q=zebra')).body)).toEqual([otherNetwork.id]);
  });

  it('shows network material to the whole network and public material to everyone', async () => {
    const volunteerA = await as(world.volunteerA);
    expect(ids((await volunteerA.get('/api/materials')).body)).toContain(networkB.id);
    expect(ids((await volunteerA.get('/api/materials')).body)).not.toContain(otherNetwork.id);
    const leaderC = await as(world.leaderC);
    expect((await leaderC.get(`/api/materials/${networkB.id}`)).status).toBe(404);
    const coordinator = await as(world.otherCoordinator);
    expect((await coordinator.patch(`/api/materials/${otherNetwork.id}`, { visibility: 'PUBLIC' })).status).toBe(200);
    expect(ids((await volunteerA.get('/api/materials')).body)).toContain(otherNetwork.id);
  });

  it('lets leaders change their organisation’s material only (403), coordinators the network’s', async () => {
    const leaderA = await as(world.leaderA);
    expect((await leaderA.patch(`/api/materials/${networkB.id}`, { licence: 'CC BY 4.0' })).status).toBe(403);
    expect((await leaderA.patch(`/api/materials/${privateA.id}`, { licence: 'CC BY 4.0' })).body.licence).toBe('CC BY 4.0');
    const coordinator = await as(world.coordinator);
    expect((await coordinator.patch(`/api/materials/${networkB.id}`, { partner: 'Danish Red Cross' })).status).toBe(200);
    const volunteerA = await as(world.volunteerA);
    expect((await volunteerA.patch(`/api/materials/${privateA.id}`, { licence: 'x' })).status).toBe(403);
    expect((await volunteerA.get(`/api/materials/${privateA.id}`)).body.canEdit).toBe(false);
  });

  it('refuses material for an organisation the leader does not lead', async () => {
    const leaderA = await as(world.leaderA);
    const response = await leaderA.post('/api/materials', {
      networkId: world.network.id, organisationId: world.orgB.id, kind: 'LINK', standardTopic: 'HYGIENE',
      audience: 'EVERYONE', visibility: 'NETWORK', translation: { language: 'en', title: 'Sneaky', externalUrl: 'https://example.org' },
    });
    expect(response.status).toBe(403);
    const networkWide = await leaderA.post('/api/materials', {
      networkId: world.network.id, kind: 'LINK', standardTopic: 'HYGIENE',
      audience: 'EVERYONE', visibility: 'NETWORK', translation: { language: 'en', title: 'Sneaky', externalUrl: 'https://example.org' },
    });
    expect(networkWide.status).toBe(403);
  });
});

describe('search, filters and pages', () => {
  it('finds words regardless of accents and Arabic short vowels, by prefix', async () => {
    const volunteerA = await as(world.volunteerA);
    expect(ids((await volunteerA.get(`/api/materials?q=${encodeURIComponent('reunion equipe')}`)).body)).toEqual([privateA.id]);
    expect(ids((await volunteerA.get(`/api/materials?q=${encodeURIComponent('التبرعات')}`)).body)).toEqual([networkB.id]);
    // Typed without the short vowels the summary carries.
    expect(ids((await volunteerA.get(`/api/materials?q=${encodeURIComponent('المنظم')}`)).body)).toEqual([networkB.id]);
    expect(ids((await volunteerA.get('/api/materials?q=fundrais')).body)).toEqual([networkB.id]);
    expect(ids((await volunteerA.get('/api/materials?q=%22%27%26%7C!')).body).length).toBeGreaterThan(0);
  });

  it('filters by topic, audience, language and type', async () => {
    const volunteerA = await as(world.volunteerA);
    expect(ids((await volunteerA.get('/api/materials?standardTopic=FUNDRAISING')).body)).toEqual([networkB.id]);
    expect(ids((await volunteerA.get('/api/materials?audience=LEADERS')).body)).toEqual([networkB.id]);
    expect(ids((await volunteerA.get('/api/materials?language=fr')).body)).toEqual([privateA.id]);
    expect(ids((await volunteerA.get('/api/materials?kind=VIDEO')).body)).toEqual([]);
    expect((await volunteerA.get('/api/materials?kind=SPREADSHEET')).status).toBe(400);
  });

  it('pages with an opaque cursor and refuses a forged one', async () => {
    const coordinator = await as(world.coordinator);
    for (let i = 0; i < 3; i++) {
      const link = await coordinator.post('/api/materials', {
        networkId: world.network.id, kind: 'LINK', standardTopic: 'ORGANISING', audience: 'VOLUNTEERS', visibility: 'NETWORK',
        translation: { language: 'en', title: `Organising link ${i}`, externalUrl: 'https://example.org/organising' },
      });
      expect(link.status).toBe(201);
    }
    const first = await coordinator.get('/api/materials?limit=2&standardTopic=ORGANISING');
    expect(first.body.items).toHaveLength(2);
    const second = await coordinator.get(`/api/materials?limit=2&standardTopic=ORGANISING&cursor=${first.body.nextCursor}`);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
    expect(new Set([...ids(first.body), ...ids(second.body)]).size).toBe(3);
    const searched = await coordinator.get('/api/materials?limit=1&q=organising');
    const next = await coordinator.get(`/api/materials?limit=5&q=organising&cursor=${searched.body.nextCursor}`);
    expect(next.body.items).toHaveLength(2);
    expect((await coordinator.get('/api/materials?cursor=forged')).status).toBe(400);
  });

  it('lets coordinators add custom topics for their network', async () => {
    const coordinator = await as(world.coordinator);
    const topic = await coordinator.post(`/api/networks/${world.network.id}/material-topics`, { name: 'Cooperatives' });
    expect(topic.status).toBe(201);
    expect((await coordinator.post(`/api/networks/${world.network.id}/material-topics`, { name: 'Cooperatives' })).status).toBe(409);
    expect((await (await as(world.leaderA)).post(`/api/networks/${world.network.id}/material-topics`, { name: 'X' })).status).toBe(403);
    const volunteerC = await as(world.leaderC);
    expect((await volunteerC.get(`/api/material-topics?networkId=${world.network.id}`)).status).toBe(404);
    const patched = await coordinator.patch(`/api/materials/${networkB.id}`, { customTopicId: topic.body.id });
    expect(patched.body).toMatchObject({ standardTopic: null, customTopic: { name: 'Cooperatives' } });
    expect(ids((await coordinator.get(`/api/materials?customTopicId=${topic.body.id}`)).body)).toEqual([networkB.id]);
    // A topic of another network is refused.
    const foreign = await (await as(world.otherCoordinator)).post(`/api/networks/${world.otherNetwork.id}/material-topics`, { name: 'Elsewhere' });
    expect((await coordinator.patch(`/api/materials/${networkB.id}`, { customTopicId: foreign.body.id })).status).toBe(400);
  });
});

describe('language versions and file versions', () => {
  it('shows the reader’s language, else the network’s fallback order', async () => {
    await t.prisma.network.update({ where: { id: world.network.id }, data: { fallbackLanguages: ['es', 'en'] } });
    const coordinator = await as(world.coordinator);
    const material = await publish(world.coordinator, { networkId: world.network.id, translation: { language: 'en', title: 'First aid basics' } }, 'Bandages');
    const spanish = await coordinator.post(`/api/materials/${material.id}/translations`, { language: 'es', title: 'Primeros auxilios' });
    expect(spanish.status).toBe(201);
    const live = await LiveClient.signedIn(t, world.coordinator.email);
    const esId = spanish.body.translations.find((v: { language: string }) => v.language === 'es').id;
    expect((await live.upload(esId, 'es.pdf', makePdf(['Vendas']))).status).toBe(204);
    await t.jobs.drain(20_000);
    expect((await coordinator.post(`/api/materials/${material.id}/translations`, { language: 'es', title: 'Otra' })).body.code).toBe('MATERIAL_LANGUAGE_EXISTS');

    await t.prisma.user.update({ where: { id: world.volunteerA.id }, data: { preferredLanguage: 'nl' } });
    const reader = await as(world.volunteerA);
    const detail = await reader.get(`/api/materials/${material.id}`);
    expect(detail.body).toMatchObject({ language: 'es', title: 'Primeros auxilios', languages: ['en', 'es'] });
    await t.prisma.user.update({ where: { id: world.volunteerA.id }, data: { preferredLanguage: 'en' } });
    const english = await (await as(world.volunteerA)).get(`/api/materials?q=auxilios`);
    expect(english.body.items[0]).toMatchObject({ id: material.id, language: 'en', title: 'First aid basics' });
  });

  it('keeps every uploaded version, shows the latest, and lets editors restore an older one', async () => {
    const coordinator = await as(world.coordinator);
    const material = await publish(world.coordinator, { networkId: world.network.id, translation: { language: 'en', title: 'Versioned guide' } }, 'Edition alpha');
    const live = await LiveClient.signedIn(t, world.coordinator.email);
    const second = await live.upload(material.translationId, 'v2.pdf', makePdf(['Edition omega']));
    await t.jobs.drain(20_000);
    const volunteer = await as(world.volunteerA);
    expect(ids((await volunteer.get('/api/materials?q=omega')).body)).toEqual([material.id]);
    expect(ids((await volunteer.get('/api/materials?q=alpha')).body)).toEqual([]);

    const history = await coordinator.get(`/api/materials/${material.id}/translations/${material.translationId}/files`);
    expect(history.body.items.map((f: { version: number }) => f.version)).toEqual([2, 1]);
    expect((await volunteer.get(`/api/materials/${material.id}/translations/${material.translationId}/files`)).status).toBe(403);
    // Readers get the current file only; older versions do not exist for them.
    expect((await volunteer.get(`/api/material-files/${material.fileId}/content`)).status).toBe(404);

    const restored = await coordinator.post(`/api/materials/${material.id}/translations/${material.translationId}/files/${material.fileId}/restore`);
    expect(restored.status).toBe(201);
    expect(restored.body.translations[0].currentFile).toMatchObject({ id: material.fileId, version: 1 });
    expect(ids((await volunteer.get('/api/materials?q=alpha')).body)).toEqual([material.id]);
    expect((await volunteer.get(`/api/material-files/${second.fileId}/content`)).status).toBe(404);
    const audit = await t.prisma.auditEvent.findFirst({ where: { action: 'material.file_restored' } });
    expect(audit?.details).toMatchObject({ materialId: material.id, version: 1 });
  });
});

describe('bad input', () => {
  it('answers field errors with stable codes', async () => {
    const coordinator = await as(world.coordinator);
    const noTopic = await coordinator.post('/api/materials', {
      networkId: world.network.id, kind: 'DOCUMENT', audience: 'EVERYONE', visibility: 'NETWORK', translation: { language: 'en', title: 'x y' },
    });
    expect(noTopic.status).toBe(400);
    expect(noTopic.body.details.fields).toHaveProperty('standardTopic');
    const linkWithoutUrl = await coordinator.post('/api/materials', {
      networkId: world.network.id, kind: 'LINK', standardTopic: 'HYGIENE', audience: 'EVERYONE', visibility: 'NETWORK', translation: { language: 'en', title: 'A link' },
    });
    expect(linkWithoutUrl.body.details.fields).toHaveProperty(['translation.externalUrl']);
    const klingon = await coordinator.post('/api/materials', {
      networkId: world.network.id, kind: 'DOCUMENT', standardTopic: 'HYGIENE', audience: 'EVERYONE', visibility: 'NETWORK', translation: { language: 'tlh', title: 'Qapla' },
    });
    expect(klingon.status).toBe(400);
    expect((await coordinator.get('/api/materials/not-a-uuid')).status).toBe(400);
    expect((await t.client().get('/api/materials')).status).toBe(401);
  });
});
