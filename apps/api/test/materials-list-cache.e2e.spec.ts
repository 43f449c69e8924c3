import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';
import { TEST_PASSWORD, createWorld } from './support/factories.js';
import type { TestClient } from './support/test-client.js';
import { MaterialSearchRepository } from '../src/modules/materials/material-search.repository.js';

/**
 * Library pages are cached per reader scope under the library's generation (LibraryListCache
 * and the library_generation migration). These tests check what a reader would notice if that
 * went wrong: a change that does not show, or a page meant for someone else.
 */
let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;
const titles = (body: { items: { title: string }[] }) => body.items.map((item) => item.title).sort();

async function as(user: { email: string }): Promise<TestClient> {
  const client = t.client();
  await client.signIn(user.email, TEST_PASSWORD);
  return client;
}

async function link(title: string, fields: { organisationId: string; visibility: 'ORGANISATION' | 'NETWORK' | 'PUBLIC' }) {
  return t.prisma.material.create({
    data: {
      networkId: world.network.id,
      organisationId: fields.organisationId,
      kind: 'LINK',
      audience: 'EVERYONE',
      visibility: fields.visibility,
      translations: { create: { language: 'en', title, externalUrl: 'https://example.org/guide' } },
    },
  });
}

const generation = async () => (await t.prisma.libraryGeneration.findUniqueOrThrow({ where: { id: 1 } })).value;

beforeAll(async () => {
  t = await startTestApp();
  world = await createWorld(t.prisma);
});
afterAll(async () => {
  vi.restoreAllMocks();
  await t?.close();
});

describe('cached library pages', () => {
  it('answers a repeated search without searching again, until something in the library changes', async () => {
    await link('wombat first steps', { organisationId: world.orgA.id, visibility: 'NETWORK' });
    const search = vi.spyOn(t.app.get(MaterialSearchRepository), 'search');
    const volunteerA = await as(world.volunteerA);
    const first = await volunteerA.get('/api/materials?q=wombat');
    const again = await volunteerA.get('/api/materials?q=wombat');
    expect(again.body).toEqual(first.body);
    expect(search).toHaveBeenCalledTimes(1);

    await link('wombat second steps', { organisationId: world.orgA.id, visibility: 'NETWORK' });
    const after = await volunteerA.get('/api/materials?q=wombat');
    expect(search).toHaveBeenCalledTimes(2);
    expect(titles(after.body)).toEqual(['wombat first steps', 'wombat second steps']);
    search.mockRestore();
  });

  it('searches once per scope for readers who ask for the same page at the same moment', async () => {
    await link('bilby field notes', { organisationId: world.orgA.id, visibility: 'NETWORK' });
    const readers = await Promise.all([as(world.volunteerA), as(world.leaderA), as(world.volunteerA)]);
    const repository = t.app.get(MaterialSearchRepository);
    const original = repository.search.bind(repository);
    // A slow search, so that every request arrives while the first one is still searching.
    const search = vi.spyOn(repository, 'search').mockImplementation(async (query) => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      return original(query);
    });
    const pages = await Promise.all(readers.flatMap((reader) => [reader.get('/api/materials?q=bilby'), reader.get('/api/materials?q=bilby')]));
    // Six requests, two scopes (the leader may edit, so sees the library differently from the
    // volunteers): one search per scope.
    expect(search).toHaveBeenCalledTimes(2);
    for (const page of pages) expect(titles(page.body)).toEqual(['bilby field notes']);
    search.mockRestore();
  });

  it('shows every kind of change at the next request: a title changed by SQL, the organisation’s name, a file becoming ready, visibility changed through the API', async () => {
    const material = await link('numbat basics', { organisationId: world.orgB.id, visibility: 'NETWORK' });
    const volunteerA = await as(world.volunteerA);
    const leaderB = await as(world.leaderB);
    expect(titles((await volunteerA.get('/api/materials?q=numbat')).body)).toEqual(['numbat basics']);

    // A title changed by SQL that no application code sees.
    await t.prisma.$executeRaw`UPDATE "MaterialTranslation" SET "title" = 'numbat handbook' WHERE "materialId" = ${material.id}::uuid`;
    expect(titles((await volunteerA.get('/api/materials?q=numbat')).body)).toEqual(['numbat handbook']);

    // The organisation's name, shown on every item.
    await t.prisma.organisation.update({ where: { id: world.orgB.id }, data: { name: 'Org B renamed' } });
    expect((await volunteerA.get('/api/materials?q=numbat')).body.items[0].organisationName).toBe('Org B renamed');

    // A material whose only file is still processing is not shown; once the file is ready it is.
    const upload = await t.prisma.material.create({
      data: {
        networkId: world.network.id, organisationId: world.orgB.id, kind: 'DOCUMENT', audience: 'EVERYONE', visibility: 'NETWORK',
        translations: { create: { language: 'fr', title: 'numbat manuel' } },
      },
      include: { translations: true },
    });
    const file = await t.prisma.materialFile.create({
      data: { translationId: upload.translations[0]!.id, version: 1, originalName: 'a.pdf', mimeType: 'application/pdf', sizeBytes: 10, storageKey: 'k', status: 'PROCESSING' },
    });
    await t.prisma.materialTranslation.update({ where: { id: upload.translations[0]!.id }, data: { currentFileId: file.id } });
    expect((await volunteerA.get('/api/materials?q=manuel')).body.items).toEqual([]);
    await t.prisma.materialFile.update({ where: { id: file.id }, data: { status: 'READY' } });
    expect(titles((await volunteerA.get('/api/materials?q=manuel')).body)).toEqual(['numbat manuel']);

    // Made private to organisation B through the API.
    expect((await leaderB.patch(`/api/materials/${material.id}`, { visibility: 'ORGANISATION' })).status).toBe(200);
    expect(titles((await volunteerA.get('/api/materials?q=numbat')).body)).toEqual(['numbat manuel']);
    expect(titles((await leaderB.get('/api/materials?q=numbat')).body)).toEqual(['numbat handbook', 'numbat manuel']);
  });

  it('never hands one organisation’s page to a reader of another, whoever searched first', async () => {
    await link('quoll private notes', { organisationId: world.orgB.id, visibility: 'ORGANISATION' });
    await link('quoll shared guide', { organisationId: world.orgB.id, visibility: 'NETWORK' });
    const volunteerB = await as(world.volunteerB);
    const volunteerA = await as(world.volunteerA);
    const leaderC = await as(world.leaderC);
    expect(titles((await volunteerB.get('/api/materials?q=quoll')).body)).toEqual(['quoll private notes', 'quoll shared guide']);
    expect(titles((await volunteerA.get('/api/materials?q=quoll')).body)).toEqual(['quoll shared guide']);
    expect(titles((await leaderC.get('/api/materials?q=quoll')).body)).toEqual([]);
    expect(titles((await t.client().get('/api/public/materials?q=quoll')).body)).toEqual([]);
    expect(titles((await volunteerB.get('/api/materials?q=quoll')).body)).toEqual(['quoll private notes', 'quoll shared guide']);
  });

  it('raises the generation once per writing transaction, visible only with its commit', async () => {
    const before = await generation();
    await t.prisma.$transaction(async (tx) => {
      await tx.material.updateMany({ where: { networkId: world.network.id }, data: { partner: 'Croix-Rouge' } });
      await tx.organisation.update({ where: { id: world.orgA.id }, data: { name: 'Org A' } });
      // Another connection still reads the old value: a reader cannot cache the old rows under the new one.
      expect(await generation()).toBe(before);
    });
    expect(await generation()).toBe(before + 1n);
  });
});

describe('cached pages on the wire', () => {
  /** The bytes as sent, not decoded by a client library. */
  const raw = (url: string, acceptEncoding?: string) =>
    t.app.getHttpAdapter().getInstance().inject({ method: 'GET', url, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

  it('sends the same page compressed as the client accepts, from the first request and from the cache', async () => {
    for (let i = 0; i < 12; i++) await link(`numbat public guide ${i}`, { organisationId: world.orgA.id, visibility: 'PUBLIC' });
    const url = '/api/public/materials?q=numbat&limit=12';
    const plain = await raw(url);
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['content-type']).toMatch(/^application\/json/);
    const page = JSON.parse(plain.body);
    expect(page.items).toHaveLength(12);

    for (const attempt of [1, 2]) {
      const br = await raw(url, 'gzip, deflate, br');
      expect(br.headers['content-encoding'], `attempt ${attempt}`).toBe('br');
      expect(br.headers.vary).toMatch(/accept-encoding/i);
      expect(br.headers['cache-control']).toBe('no-store');
      expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString())).toEqual(page);
      expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length);

      const gzip = await raw(url, 'gzip');
      expect(gzip.headers['content-encoding']).toBe('gzip');
      expect(JSON.parse(gunzipSync(gzip.rawPayload).toString())).toEqual(page);
    }
    const identity = await raw(url, 'identity');
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(identity.body)).toEqual(page);
  });
});

describe('words of a language version not yet published', () => {
  it('find the material for its editors only, until the version’s file is ready', async () => {
    const material = await link('dingo guide', { organisationId: world.orgB.id, visibility: 'NETWORK' });
    const draft = await t.prisma.materialTranslation.create({ data: { materialId: material.id, language: 'fr', title: 'wallaby brouillon' } });
    const file = await t.prisma.materialFile.create({
      data: { translationId: draft.id, version: 1, originalName: 'b.pdf', mimeType: 'application/pdf', sizeBytes: 10, storageKey: 'k2', status: 'PROCESSING' },
    });
    await t.prisma.materialTranslation.update({ where: { id: draft.id }, data: { currentFileId: file.id } });
    const volunteerA = await as(world.volunteerA);
    const leaderB = await as(world.leaderB);
    const found = async (client: TestClient) => (await client.get('/api/materials?q=wallaby')).body.items.map((item: { id: string }) => item.id);

    expect(await found(volunteerA)).toEqual([]);
    expect(await found(leaderB)).toEqual([material.id]);
    await t.prisma.materialFile.update({ where: { id: file.id }, data: { status: 'READY' } });
    expect(await found(volunteerA)).toEqual([material.id]);
    // The file gone (the version points at no file any more): its words are the editors' again.
    await t.prisma.materialFile.delete({ where: { id: file.id } });
    expect(await found(volunteerA)).toEqual([]);
    expect(await found(leaderB)).toEqual([material.id]);
  });
});
