import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { checkStatus } from '@digitalbazaar/vc-bitstring-status-list';
import { checkOpenBadge, offlineDocumentLoader } from '@tadamon/credentials';
import { startTestApp, type TestApp } from './support/test-app.js';
import { TEST_PASSWORD, createUser, createWorld } from './support/factories.js';
import type { TestClient } from './support/test-client.js';

let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;
let coordinator: TestClient;
let leaderA: TestClient;
let typeId: string;
const PUBLIC = 'http://tadamon.test';

/**
 * The verifier's side: JSON-LD contexts from npm, and every other URL dereferenced over HTTP
 * from the server, as a verifier elsewhere would (a key id resolves inside its issuer document).
 */
const documentLoader = offlineDocumentLoader(async (url) => {
  if (!url.startsWith(`${PUBLIC}/api/`)) return undefined;
  const [base, fragment] = url.split('#');
  const response = await t.client().get(base!.slice(PUBLIC.length));
  if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
  if (!fragment) return response.body;
  const key = response.body.assertionMethod.find((m: { id: string }) => m.id === url);
  return key && { '@context': 'https://w3id.org/security/multikey/v1', ...key };
});

const verifierSuite = () => new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 });

async function verify(credential: object) {
  return vc.verifyCredential({ credential, suite: verifierSuite(), documentLoader, checkStatus });
}

async function revocationBit(credential: object): Promise<boolean> {
  const result = await checkStatus({ credential, documentLoader, suite: verifierSuite() });
  // checkStatus says verified for a revoked credential too: the bit is what matters.
  expect(result.verified, JSON.stringify(result.error?.message)).toBe(true);
  return result.results[0].status;
}

async function issueTo(name: string) {
  const holder = await createUser(t.prisma, { role: 'VOLUNTEER', organisationId: world.orgA.id, name });
  const response = await leaderA.post('/api/certificates', { certificateTypeId: typeId, holderUserId: holder.id, organisationId: world.orgA.id });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  const client = t.client();
  await client.signIn(holder.email, TEST_PASSWORD);
  return { holder, certificate: response.body, client };
}

beforeAll(async () => {
  t = await startTestApp();
  world = await createWorld(t.prisma);
  coordinator = t.client();
  await coordinator.signIn(world.coordinator.email, TEST_PASSWORD);
  leaderA = t.client();
  await leaderA.signIn(world.leaderA.email, TEST_PASSWORD);
  const type = await coordinator.post(`/api/networks/${world.network.id}/certificate-types`, {
    names: { en: 'Legal counselling', ar: 'الإرشاد القانوني' },
    descriptions: { en: 'Gives first legal advice to people who come to the office.' },
    validityMonths: 36,
  });
  typeId = type.body.id;
});
afterAll(async () => t?.close());

describe('Open Badges 3.0 credentials', () => {
  it('the holder downloads a credential an independent verifier accepts, with an Arabic name intact', async () => {
    const { certificate, client, holder } = await issueTo('فاطمة الزهراء بنعلي');
    const response = await client.get(`/api/me/certificates/${certificate.id}/credential`);
    expect(response.status).toBe(200);
    expect(response.headers['content-disposition']).toContain(`certificate-${certificate.code}.json`);
    const credential = response.body;
    expect(credential.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(credential.issuer.id).toBe(`${PUBLIC}/api/issuers/${world.network.id}`);
    expect(credential.validFrom).toBe(certificate.issuedAt);
    expect(credential.validUntil).toBe(certificate.expiresAt);
    expect(credential.credentialSubject.identifier[0]).toMatchObject({ identityType: 'name', identityHash: 'فاطمة الزهراء بنعلي' });
    expect(credential.credentialSubject.id).toBe(`urn:uuid:${holder.id}`);
    expect(credential.proof).toMatchObject({ type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', proofPurpose: 'assertionMethod' });

    const result = await verify(credential);
    expect(result.verified, result.error?.errors?.map((e: Error) => e.message).join("; ")).toBe(true);
    expect(await revocationBit(credential)).toBe(false);

    // Stored as signed: a second download is byte-for-byte the same document.
    const again = await client.get(`/api/me/certificates/${certificate.id}/credential`);
    expect(again.body).toEqual(credential);
    // A tampered name fails the signature.
    const forged = structuredClone(credential);
    forged.credentialSubject.identifier[0].identityHash = 'Someone Else';
    expect((await verify(forged)).verified).toBe(false);
  });

  it('the certificate PDF carries the signed credential: a PDF tool lists and saves it, and it verifies', async () => {
    const { certificate, client } = await issueTo('علاء عبد الله');
    const pdf = await client.get(`/api/me/certificates/${certificate.id}/pdf`).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(pdf.status).toBe(200);
    const folder = await mkdtemp(join(tmpdir(), 'certificate-pdf-'));
    try {
      await writeFile(join(folder, 'certificate.pdf'), pdf.body as Buffer);
      // poppler's pdfdetach, as a PDF reader's attachment pane shows it.
      const listing = execFileSync('pdfdetach', ['-list', join(folder, 'certificate.pdf')], { encoding: 'utf8' });
      expect(listing).toContain(`certificate-${certificate.code}.json`);
      execFileSync('pdfdetach', ['-saveall', '-o', folder, join(folder, 'certificate.pdf')]);
      const attached = JSON.parse(await readFile(join(folder, `certificate-${certificate.code}.json`), 'utf8'));
      const downloaded = (await client.get(`/api/me/certificates/${certificate.id}/credential`)).body;
      expect(attached).toEqual(downloaded);
      const result = await verify(attached);
      expect(result.verified, result.error?.errors?.map((e: Error) => e.message).join('; ')).toBe(true);
      // The verifier the verify page runs in the browser gives the same verdict.
      const fetchDocument = async (url: string) => (await t.client().get(url.slice(PUBLIC.length))).body;
      expect(await checkOpenBadge(attached, fetchDocument)).toEqual({ signatureValid: true, revoked: false, problems: [] });
      const forged = structuredClone(attached);
      forged.credentialSubject.identifier[0].identityHash = 'Someone Else';
      expect(await checkOpenBadge(forged, fetchDocument)).toMatchObject({ signatureValid: false, revoked: null });
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('revocation flips the bit in the published status list', async () => {
    const { certificate, client } = await issueTo('Joël Dupré');
    const credential = (await client.get(`/api/me/certificates/${certificate.id}/credential`)).body;
    expect(await revocationBit(credential)).toBe(false);
    await coordinator.post(`/api/certificates/${certificate.id}/revoke`, { reason: 'Left the programme before the practical test' });
    expect(await revocationBit(credential)).toBe(true);
    // The signature stays genuine: only the status bit tells a verifier it is revoked.
    expect((await verify(credential)).verified).toBe(true);
    // Revoking does not touch other holders' bits.
    const other = await issueTo('Untouched Holder');
    const otherCredential = (await other.client.get(`/api/me/certificates/${other.certificate.id}/credential`)).body;
    expect(await revocationBit(otherCredential)).toBe(false);
  });

  it('publishes the issuer document and status list publicly; other people’s credentials stay private', async () => {
    const issuer = await t.client().get(`/api/issuers/${world.network.id}`);
    expect(issuer.status).toBe(200);
    expect(issuer.body.id).toBe(`${PUBLIC}/api/issuers/${world.network.id}`);
    expect(issuer.body.assertionMethod[0]).toMatchObject({ type: 'Multikey', controller: issuer.body.id });
    expect(issuer.body.assertionMethod[0].publicKeyMultibase).toMatch(/^z6Mk/);
    // The secret key is encrypted at rest.
    const stored = await t.prisma.networkIssuerKey.findUniqueOrThrow({ where: { networkId: world.network.id } });
    expect(stored.secretKeyEncrypted).not.toMatch(/^z/);
    expect((await t.client().get(`/api/issuers/${world.network.id}/status/revocation`)).body.type).toContain('BitstringStatusListCredential');
    expect((await t.client().get('/api/issuers/00000000-0000-4000-8000-000000000000')).status).toBe(404);

    const { certificate } = await issueTo('Private Person');
    expect((await leaderA.get(`/api/me/certificates/${certificate.id}/credential`)).status).toBe(404);
    expect((await t.client().get(`/api/me/certificates/${certificate.id}/credential`)).status).toBe(401);
  });
});
