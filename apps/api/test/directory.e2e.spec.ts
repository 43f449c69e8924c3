import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrganisationType } from '@tadamon/shared';
import { startTestApp, type TestApp } from './support/test-app.js';
import { TEST_PASSWORD, createNetwork, createOrganisation, createUser } from './support/factories.js';
import type { TestClient } from './support/test-client.js';

type Summary = { id: string; name: string; country: string; type: string; city: string; networkId: string };

let t: TestApp;
let north: { id: string };
let south: { id: string };
let northNames: string[];
let volunteer: TestClient; // member of one organisation in `north`
let bridge: TestClient; // member of organisations in both networks
let admin: TestClient;

async function as(user: { email: string }): Promise<TestClient> {
  const client = t.client();
  await client.signIn(user.email, TEST_PASSWORD);
  return client;
}

/** Follows nextCursor to the end, returning every item in the order received. */
async function walk(client: TestClient, query: string, from: string | null = null): Promise<Summary[]> {
  const items: Summary[] = [];
  let cursor = from;
  for (let pages = 0; pages < 50; pages++) {
    const url = `/api/directory?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const response = await client.get(url);
    expect(response.status).toBe(200);
    items.push(...response.body.items);
    cursor = response.body.nextCursor;
    if (!cursor) return items;
  }
  throw new Error('pagination did not end');
}

beforeAll(async () => {
  t = await startTestApp();
  const p = t.prisma;
  north = await createNetwork(p, 'North network');
  south = await createNetwork(p, 'South network');
  const seeded: [string, string, OrganisationType, string][] = [
    ['Association Meknassia', 'MA', 'NGO', 'Meknès'],
    ['Émergence Femmes', 'MA', 'WOMEN', 'Fès'],
    ['union des dockers', 'MA', 'UNION', 'Tanger'],
    ['Zitoune Coop', 'MA', 'COOPERATIVE', 'Ouazzane'],
    ['جمعية الأمل', 'MA', 'NGO', 'تطوان'],
    ['Mutuelle 50%_Solidaire', 'MA', 'MUTUAL', 'Rabat'],
    ['Jeunes de Kayes', 'ML', 'YOUTH', 'Kayes'],
    ['Cooperativa Andaluza', 'ES', 'COOPERATIVE', 'Córdoba'],
    ['Vakbond Gent', 'BE', 'UNION', 'Gent'],
  ];
  for (const [name, country, type, city] of seeded) await createOrganisation(p, north.id, { name, country, type, city });
  // Enough extra rows for several pages, with clashing names in different countries.
  for (let i = 0; i < 14; i++) {
    await createOrganisation(p, north.id, { name: `Groupe ${String(i).padStart(2, '0')}`, country: i % 2 ? 'SN' : 'TN' });
  }
  await createOrganisation(p, south.id, { name: 'Association Meknassia', country: 'MA', city: 'Meknès' });
  await createOrganisation(p, south.id, { name: 'South only', country: 'ZA', city: 'Durban' });

  const all = await p.organisation.findMany({ where: { networkId: north.id }, select: { name: true } });
  northNames = all.map((o) => o.name);
  const northOrg = await p.organisation.findFirstOrThrow({ where: { networkId: north.id, name: 'Vakbond Gent' } });
  const southOrg = await p.organisation.findFirstOrThrow({ where: { networkId: south.id, name: 'South only' } });
  volunteer = await as(await createUser(p, { role: 'VOLUNTEER', organisationId: northOrg.id }));
  const both = await createUser(p, { role: 'VOLUNTEER', organisationId: northOrg.id });
  await p.organisationMembership.create({ data: { userId: both.id, organisationId: southOrg.id, role: 'VOLUNTEER' } });
  bridge = await as(both);
  admin = await as(await createUser(p, { role: 'PLATFORM_ADMIN' }));
});
afterAll(async () => {
  await t?.close();
});

describe('GET /api/networks', () => {
  it('lists only the caller’s networks, with how many organisations each has', async () => {
    const response = await volunteer.get('/api/networks');
    expect(response.status).toBe(200);
    expect(response.body.items).toEqual([
      expect.objectContaining({ id: north.id, name: 'North network', organisationCount: northNames.length }),
    ]);
    const names = (await bridge.get('/api/networks')).body.items.map((n: { name: string }) => n.name);
    expect(names).toEqual(['North network', 'South network']);
  });
});

describe('GET /api/networks/:id/stats', () => {
  it('counts a network’s organisations by country and type, and its active members', async () => {
    const response = await volunteer.get(`/api/networks/${north.id}/stats`);
    expect(response.status).toBe(200);
    expect(response.body.organisationCount).toBe(northNames.length);
    const byCountry = Object.fromEntries(response.body.byCountry.map((r: { country: string; organisations: number }) => [r.country, r.organisations]));
    expect(byCountry).toEqual({ BE: 1, ES: 1, MA: 6, ML: 1, SN: 7, TN: 7 });
    expect(response.body.byType).toContainEqual({ type: 'COOPERATIVE', organisations: 2 });
    // The volunteer and the bridge person belong to the north network.
    expect(response.body.memberCount).toBe(2);
  });

  it('hides another network’s counts (404)', async () => {
    expect((await volunteer.get(`/api/networks/${south.id}/stats`)).status).toBe(404);
  });
});

describe('GET /api/directory', () => {
  it('lists the organisations of the caller’s networks only, by country then name', async () => {
    const items = await walk(volunteer, 'limit=100');
    expect(items.map((o) => o.name).sort()).toEqual([...northNames].sort());
    expect(items.every((o) => o.networkId === north.id)).toBe(true);
    const countries = items.map((o) => o.country);
    expect(countries).toEqual([...countries].sort());
    const moroccan = items.filter((o) => o.country === 'MA').map((o) => o.name);
    // Case and accents do not push names out of alphabetical order.
    expect(moroccan.slice(0, 4)).toEqual(['Association Meknassia', 'Émergence Femmes', 'Mutuelle 50%_Solidaire', 'union des dockers']);
  });

  it('pages through everything without duplicates or gaps', async () => {
    const whole = await walk(volunteer, 'limit=100');
    for (const limit of [1, 4, 7]) {
      const paged = await walk(volunteer, `limit=${limit}`);
      expect(paged.map((o) => o.id)).toEqual(whole.map((o) => o.id));
    }
  });

  it('keeps pages stable when organisations are added between requests', async () => {
    const first = await volunteer.get('/api/directory?limit=5');
    await createOrganisation(t.prisma, north.id, { name: 'AAA First', country: 'AD' });
    const rest = await walk(volunteer, 'limit=5', first.body.nextCursor);
    const ids = [...first.body.items, ...rest].map((o: Summary) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(northNames.length); // the newcomer sorts before the cursor
  });

  it('filters by country (any case) and by type', async () => {
    const belgian = await walk(volunteer, 'country=be');
    expect(belgian.map((o) => o.name)).toEqual(['Vakbond Gent']);
    const coops = await walk(volunteer, 'type=COOPERATIVE');
    expect(coops.map((o) => o.name)).toEqual(['Cooperativa Andaluza', 'Zitoune Coop']);
    const moroccanCoops = await walk(volunteer, 'type=COOPERATIVE&country=MA');
    expect(moroccanCoops.map((o) => o.name)).toEqual(['Zitoune Coop']);
  });

  it('searches names and cities ignoring case and accents', async () => {
    const byCity = await walk(volunteer, 'q=meknes');
    expect(byCity.map((o) => o.name)).toEqual(['Association Meknassia']);
    expect((await walk(volunteer, `q=${encodeURIComponent('MEKNÈS')}`)).map((o) => o.id)).toEqual(byCity.map((o) => o.id));
    expect((await walk(volunteer, 'q=emergence')).map((o) => o.name)).toEqual(['Émergence Femmes']);
    expect((await walk(volunteer, 'q=CORDOBA')).map((o) => o.city)).toEqual(['Córdoba']);
    expect((await walk(volunteer, 'q=UNION%20DES')).map((o) => o.name)).toEqual(['union des dockers']);
  });

  it('finds Arabic names whatever the hamza or short vowels', async () => {
    const found = await walk(volunteer, `q=${encodeURIComponent('الامل')}`);
    expect(found.map((o) => o.name)).toEqual(['جمعية الأمل']);
  });

  it('finds an Arabic name whatever prefixes the query or the name carries (issue 20)', async () => {
    for (const q of ['أمل', 'والأمل', 'بالأمل', 'فجمعية']) {
      expect((await walk(volunteer, `q=${encodeURIComponent(q)}`)).map((o) => o.name), q).toEqual(['جمعية الأمل']);
    }
  });

  it('takes % and _ in a search literally', async () => {
    expect((await walk(volunteer, `q=${encodeURIComponent('50%_')}`)).map((o) => o.name)).toEqual(['Mutuelle 50%_Solidaire']);
    expect(await walk(volunteer, `q=${encodeURIComponent('%')}`)).toHaveLength(1);
  });

  it('narrows to one of the caller’s networks, and hides the others (404)', async () => {
    const southOnly = await walk(bridge, `networkId=${south.id}`);
    expect(southOnly.map((o) => o.name).sort()).toEqual(['Association Meknassia', 'South only']);
    expect(southOnly.every((o) => o.networkId === south.id)).toBe(true);
    const response = await volunteer.get(`/api/directory?networkId=${south.id}`);
    expect(response.status).toBe(404);
    expect(response.body.code).toBe('NOT_FOUND');
  });

  it('shows a platform admin every network', async () => {
    const items = await walk(admin, 'q=meknassia');
    expect(items.map((o) => o.networkId).sort()).toEqual([north.id, south.id].sort());
  });

  it('rejects unknown parameters, bad values and tampered cursors, naming the field', async () => {
    const unknown = await volunteer.get('/api/directory?sort=name');
    expect(unknown.status).toBe(400);
    expect(unknown.body.details.fields).toHaveProperty('sort');
    expect((await volunteer.get('/api/directory?type=CLUB')).body.details.fields).toHaveProperty('type');
    expect((await volunteer.get('/api/directory?limit=1000')).body.details.fields).toHaveProperty('limit');
    const tampered = await volunteer.get('/api/directory?cursor=bm90LWEtY3Vyc29y');
    expect(tampered.status).toBe(400);
    expect(tampered.body.details.fields.cursor[0].code).toBe('invalid_cursor');
    const forged = Buffer.from(JSON.stringify(['MA', 'x', 'not-a-uuid'])).toString('base64url');
    expect((await volunteer.get(`/api/directory?cursor=${forged}`)).status).toBe(400);
  });

  it('asks visitors to sign in', async () => {
    expect((await t.client().get('/api/directory')).status).toBe(401);
  });
});
