import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invitationPreviewSchema, invitationSchema, sessionResponseSchema } from '@tadamon/shared';
import { startTestApp, type TestApp } from './support/test-app.js';
import { TEST_PASSWORD, createUser, createWorld } from './support/factories.js';
import { linkIn } from './support/mailbox.js';
import type { TestClient } from './support/test-client.js';
import { passSecondFactorForTests } from './support/second-factor.js';

let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;
let coordinator: TestClient;
let leaderA: TestClient;

const NEW_PASSWORD = 'Tadamon-Brave-Otter-42';
let counter = 0;
const freshEmail = (label: string) => `${label}-${++counter}-${Date.now()}@example.test`;

beforeAll(async () => {
  t = await startTestApp();
  world = await createWorld(t.prisma);
  coordinator = t.client();
  await coordinator.signIn(world.coordinator.email, TEST_PASSWORD);
  leaderA = t.client();
  await leaderA.signIn(world.leaderA.email, TEST_PASSWORD);
});
afterAll(async () => t?.close());

/** Sends an invitation and returns it with the token read from the e-mail that arrived. */
async function invite(client: TestClient, body: Record<string, unknown>) {
  const to = String(body.email).toLowerCase();
  const before = t.mailbox.for(to).length;
  const response = await client.post('/api/invitations', body);
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  const invitation = invitationSchema.parse(response.body);
  await t.mailbox.waitFor(to, () => t.mailbox.for(to).length > before);
  const mail = t.mailbox.for(to)[before]!;
  const link = linkIn(mail, '/invite');
  return { invitation, mail, link, token: link.searchParams.get('token')! };
}

const accept = (token: string, extra: Record<string, unknown> = {}, client = t.client()) =>
  client.post('/api/invitations/accept', { token, name: 'Nadia Benali', password: NEW_PASSWORD, ...extra });

describe('a coordinator invites an organisation leader', () => {
  it('sends the mail in French, previews, accepts and signs the new leader in', async () => {
    const email = freshEmail('leader');
    const { invitation, mail, link, token } = await invite(coordinator, {
      email: email.toUpperCase(),
      role: 'ORG_LEADER',
      organisationId: world.orgB.id,
      language: 'fr',
    });
    expect(invitation).toMatchObject({ email, role: 'ORG_LEADER', organisationId: world.orgB.id, networkId: world.network.id });
    const days = (Date.parse(invitation.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);

    expect(mail.subject).toBe('Invitation à rejoindre Org B sur Tadamon');
    expect(mail.text).toContain(`${world.coordinator.name} vous invite à rejoindre Org B`);
    expect(mail.text).toContain('responsable de l’organisation');
    expect(mail.html).toContain('lang="fr"');
    expect(`${link.origin}${link.pathname}`).toBe('http://tadamon.test/invite');
    // Only the hash is stored: the database alone cannot produce a working link.
    const stored = await t.prisma.invitation.findUniqueOrThrow({ where: { id: invitation.id } });
    expect(stored.tokenHash).not.toBe(token);

    const visitor = t.client();
    const preview = await visitor.post('/api/invitations/preview', { token });
    expect(preview.status).toBe(200);
    expect(invitationPreviewSchema.parse(preview.body)).toEqual({
      email,
      role: 'ORG_LEADER',
      organisationName: 'Org B',
      networkName: world.network.name,
      language: 'fr',
      existingAccount: false,
    });

    const accepted = await accept(token, { timeZone: 'Africa/Casablanca' }, visitor);
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    const session = sessionResponseSchema.parse(accepted.body);
    expect(session.user).toMatchObject({ email, name: 'Nadia Benali', preferredLanguage: 'fr', timeZone: 'Africa/Casablanca' });
    expect(session.primaryRole).toBe('ORG_LEADER');
    expect(session.memberships).toEqual([expect.objectContaining({ organisationId: world.orgB.id, role: 'ORG_LEADER' })]);
    expect(String(accepted.headers['set-cookie'])).toMatch(/tadamon_session=.+HttpOnly/i);
    expect((await visitor.get('/api/auth/session')).body.user.email).toBe(email);
    // The chosen password works for signing in later.
    await t.client().signIn(email, NEW_PASSWORD);

    const audit = await t.prisma.auditEvent.findMany({ where: { details: { path: ['invitationId'], equals: invitation.id } } });
    expect(audit.map((a) => a.action).sort()).toEqual(['invitation.accepted', 'invitation.created']);
    expect(audit.find((a) => a.action === 'invitation.created')!.actorId).toBe(world.coordinator.id);
  });

  it('invites a fellow coordinator into the network', async () => {
    const email = freshEmail('coordinator');
    const { token, mail } = await invite(coordinator, { email, role: 'COORDINATOR', networkId: world.network.id, language: 'en' });
    expect(mail.subject).toBe(`Invitation to coordinate ${world.network.name} on Tadamon`);
    const client = t.client();
    const accepted = (await accept(token, {}, client)).body;
    // A new coordinator sets up two-factor authentication before anything else.
    expect(accepted.secondFactor).toBe('enrol');
    expect(accepted.networkRoles).toEqual([]);
    await passSecondFactorForTests(t.prisma, accepted.user.id);
    const session = (await client.get('/api/auth/session')).body;
    expect(session.primaryRole).toBe('COORDINATOR');
    expect(session.networkRoles).toEqual([expect.objectContaining({ networkId: world.network.id, role: 'COORDINATOR' })]);
  });

  it('cannot invite into an organisation of another network', async () => {
    const response = await coordinator.post('/api/invitations', {
      email: freshEmail('x'),
      role: 'ORG_LEADER',
      organisationId: world.orgC.id,
    });
    expect(response.status).toBe(404);
    expect(response.body.code).toBe('NOT_FOUND');
  });

  it('answers 409 ALREADY_MEMBER for someone already in the organisation', async () => {
    const response = await coordinator.post('/api/invitations', {
      email: world.volunteerA.email,
      role: 'ORG_LEADER',
      organisationId: world.orgA.id,
    });
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('ALREADY_MEMBER');
  });
});

describe('a leader invites', () => {
  it('a volunteer into their own organisation, with the mail in Arabic', async () => {
    const email = freshEmail('volunteer');
    const { mail, token } = await invite(leaderA, { email, role: 'VOLUNTEER', organisationId: world.orgA.id, language: 'ar' });
    expect(mail.subject).toBe('دعوة للانضمام إلى Org A على منصة تضامن');
    expect(mail.html).toContain('dir="rtl"');
    expect(mail.text).toContain('بصفة متطوع');
    const session = (await accept(token)).body;
    expect(session.primaryRole).toBe('VOLUNTEER');
    expect(session.user.preferredLanguage).toBe('ar');
    expect(session.memberships).toEqual([expect.objectContaining({ organisationId: world.orgA.id, role: 'VOLUNTEER' })]);
  });

  it('not into an organisation of another network (404) nor a sister organisation (403)', async () => {
    const foreign = await leaderA.post('/api/invitations', { email: freshEmail('x'), role: 'VOLUNTEER', organisationId: world.orgC.id });
    expect([foreign.status, foreign.body.code]).toEqual([404, 'NOT_FOUND']);
    // Org B is in the leader's network (visible in the directory) but not theirs to manage.
    const sister = await leaderA.post('/api/invitations', { email: freshEmail('x'), role: 'VOLUNTEER', organisationId: world.orgB.id });
    expect([sister.status, sister.body.code]).toEqual([403, 'FORBIDDEN']);
    expect(await t.prisma.invitation.count({ where: { invitedById: world.leaderA.id, organisationId: { not: world.orgA.id } } })).toBe(0);
  });

  it('not a coordinator (403)', async () => {
    const response = await leaderA.post('/api/invitations', { email: freshEmail('x'), role: 'COORDINATOR', networkId: world.network.id });
    expect([response.status, response.body.code]).toEqual([403, 'FORBIDDEN']);
  });
});

describe('who may not invite', () => {
  it('a volunteer cannot invite anyone (403)', async () => {
    const volunteer = t.client();
    await volunteer.signIn(world.volunteerA.email, TEST_PASSWORD);
    const response = await volunteer.post('/api/invitations', { email: freshEmail('x'), role: 'VOLUNTEER', organisationId: world.orgA.id });
    expect([response.status, response.body.code]).toEqual([403, 'FORBIDDEN']);
    expect((await volunteer.get(`/api/organisations/${world.orgA.id}/invitations`)).status).toBe(403);
  });

  it('nobody without a session (401)', async () => {
    const response = await t.client().post('/api/invitations', { email: freshEmail('x'), role: 'VOLUNTEER', organisationId: world.orgA.id });
    expect([response.status, response.body.code]).toEqual([401, 'UNAUTHENTICATED']);
  });
});

describe('the invitation link', () => {
  it('works once: a second accept answers 410', async () => {
    const { token } = await invite(leaderA, { email: freshEmail('once'), role: 'VOLUNTEER', organisationId: world.orgA.id });
    expect((await accept(token)).status).toBe(200);
    const again = await accept(token);
    expect([again.status, again.body.code]).toEqual([410, 'INVITATION_INVALID']);
    expect((await t.client().post('/api/invitations/preview', { token })).status).toBe(410);
  });

  it('expires', async () => {
    const { invitation, token } = await invite(leaderA, { email: freshEmail('late'), role: 'VOLUNTEER', organisationId: world.orgA.id });
    await t.prisma.invitation.update({ where: { id: invitation.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await t.client().post('/api/invitations/preview', { token })).body.code).toBe('INVITATION_INVALID');
    const response = await accept(token);
    expect([response.status, response.body.code]).toEqual([410, 'INVITATION_INVALID']);
    expect(await t.prisma.user.count({ where: { email: invitation.email } })).toBe(0);
  });

  it('asks a new account for its name and password, naming both, and stays usable', async () => {
    const { token } = await invite(leaderA, { email: freshEmail('nameless'), role: 'VOLUNTEER', organisationId: world.orgA.id });
    const res = await t.client().post('/api/invitations/accept', { token });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(res.body.details.fields).sort()).toEqual(['name', 'password']);
    expect((await accept(token)).status).toBe(200);
  });

  it('answers 410 for a made-up token', async () => {
    const response = await accept('x'.repeat(43));
    expect([response.status, response.body.code]).toEqual([410, 'INVITATION_INVALID']);
  });

  it('refuses a common password and stays usable', async () => {
    const { token } = await invite(leaderA, { email: freshEmail('weak'), role: 'VOLUNTEER', organisationId: world.orgA.id });
    const weak = await accept(token, { password: 'password123' });
    expect([weak.status, weak.body.code]).toEqual([400, 'PASSWORD_TOO_COMMON']);
    const short = await accept(token, { password: 'short' });
    expect([short.status, short.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(short.body.details.fields).toHaveProperty('password');
    expect((await accept(token)).status).toBe(200);
  });

  it('grants exactly one membership when accepted twice at the same moment', async () => {
    const { invitation, token } = await invite(leaderA, { email: freshEmail('race'), role: 'VOLUNTEER', organisationId: world.orgA.id });
    const answers = await Promise.all([accept(token), accept(token), accept(token)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 410, 410]);
    expect(await t.prisma.user.count({ where: { email: invitation.email } })).toBe(1);
    expect(await t.prisma.organisationMembership.count({ where: { user: { email: invitation.email } } })).toBe(1);
  });

  it('stops working when a newer invitation goes to the same address and organisation', async () => {
    const email = freshEmail('twice');
    const first = await invite(leaderA, { email, role: 'VOLUNTEER', organisationId: world.orgA.id });
    const { token: second } = await invite(leaderA, { email, role: 'ORG_LEADER', organisationId: world.orgA.id });
    expect(second).not.toBe(first.token);
    expect((await accept(first.token)).status).toBe(410);
    expect((await accept(second)).body.primaryRole).toBe('ORG_LEADER');
  });
});

describe('an address that already has an account', () => {
  it('must sign in first; then accepting adds the membership', async () => {
    const { token } = await invite(leaderA, { email: world.volunteerB.email, role: 'VOLUNTEER', organisationId: world.orgA.id });
    expect((await t.client().post('/api/invitations/preview', { token })).body.existingAccount).toBe(true);

    const anonymous = await accept(token);
    expect([anonymous.status, anonymous.body.code]).toEqual([409, 'EMAIL_TAKEN']);
    const someoneElse = t.client();
    await someoneElse.signIn(world.leaderB.email, TEST_PASSWORD);
    expect((await accept(token, {}, someoneElse)).body.code).toBe('EMAIL_TAKEN');

    const owner = t.client();
    await owner.signIn(world.volunteerB.email, TEST_PASSWORD);
    const response = await accept(token, {}, owner);
    expect(response.status).toBe(200);
    expect(response.body.memberships.map((m: { organisationId: string }) => m.organisationId).sort()).toEqual(
      [world.orgA.id, world.orgB.id].sort(),
    );
    // The name and password sent along do not overwrite the existing account.
    await t.client().signIn(world.volunteerB.email, TEST_PASSWORD);
    expect((await owner.get('/api/auth/session')).body.user.name).toBe(world.volunteerB.name);
  });
});

describe('pending invitations', () => {
  it('are listed for the organisation and can be revoked', async () => {
    const email = freshEmail('revoke');
    const { invitation, token } = await invite(leaderA, { email, role: 'VOLUNTEER', organisationId: world.orgA.id });
    const list = await leaderA.get(`/api/organisations/${world.orgA.id}/invitations`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: { id: string }) => i.id)).toContain(invitation.id);
    expect((await coordinator.get(`/api/organisations/${world.orgA.id}/invitations`)).status).toBe(200);

    const leaderB = t.client();
    await leaderB.signIn(world.leaderB.email, TEST_PASSWORD);
    expect((await leaderB.delete(`/api/invitations/${invitation.id}`)).status).toBe(404);
    expect((await leaderB.get(`/api/organisations/${world.orgA.id}/invitations`)).status).toBe(403);
    const leaderC = t.client();
    await leaderC.signIn(world.leaderC.email, TEST_PASSWORD);
    expect((await leaderC.delete(`/api/invitations/${invitation.id}`)).status).toBe(404);

    expect((await leaderA.delete(`/api/invitations/${invitation.id}`)).status).toBe(204);
    const after = await leaderA.get(`/api/organisations/${world.orgA.id}/invitations`);
    expect(after.body.items.map((i: { id: string }) => i.id)).not.toContain(invitation.id);
    expect((await accept(token)).status).toBe(410);
    const revoked = await t.prisma.auditEvent.findFirst({ where: { action: 'invitation.revoked', actorId: world.leaderA.id } });
    expect(revoked?.details).toMatchObject({ invitationId: invitation.id });
  });
});

describe('the invitation e-mail', () => {
  it('escapes the inviter name in HTML', async () => {
    const sneaky = await createUser(t.prisma, { role: 'ORG_LEADER', organisationId: world.orgB.id, name: 'Amal <script>alert(1)</script>' });
    const client = t.client();
    await client.signIn(sneaky.email, TEST_PASSWORD);
    const { mail } = await invite(client, { email: freshEmail('escape'), role: 'VOLUNTEER', organisationId: world.orgB.id, language: 'nl' });
    expect(mail.subject).toBe('Uitnodiging om lid te worden van Org B op Tadamon');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('Amal &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.text).toContain('Amal <script>alert(1)</script> nodigt je uit om als vrijwilliger lid te worden van Org B');
  });
});
