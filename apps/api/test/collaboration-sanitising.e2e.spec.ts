import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';
import { createCollaborationWorld, signedIn } from './support/collaboration-world.js';
import { executableMarkupIn, XSS_PAYLOADS } from './support/xss-payloads.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof createCollaborationWorld>>;

beforeAll(async () => {
  t = await startTestApp();
  w = await createCollaborationWorld(t);
});
afterAll(async () => {
  await t?.close();
});

describe('the checker itself', () => {
  it('catches executable markup when it is there', () => {
    expect(executableMarkupIn('<p><img src=x onerror=alert(1)></p>')).not.toEqual([]);
    expect(executableMarkupIn('<a href="javascript:alert(1)">x</a>')).not.toEqual([]);
    expect(executableMarkupIn('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>')).toEqual([]);
  });
});

describe('OWASP filter-evasion payloads in every text field', () => {
  it('renders group descriptions, posts, edits, document versions and comments without executable markup', async () => {
    const leaderA = await signedIn(t, w.leaderA);
    const rendered: string[] = [];
    // Several payloads per request keep the test quick while every payload meets every field.
    const batches: string[] = [];
    for (let i = 0; i < XSS_PAYLOADS.length; i += 6) batches.push(XSS_PAYLOADS.slice(i, i + 6).join('\n\n'));
    for (const [index, payload] of batches.entries()) {
      const group = await leaderA.post('/api/groups', {
        networkId: w.network.id,
        name: `Group ${index} ${payload.slice(0, 150)}`,
        description: payload,
        audience: 'ORGANISATIONS',
      });
      expect(group.status).toBe(201);
      rendered.push(group.body.descriptionHtml);
      // Names and titles are plain text: returned exactly as typed, for the SPA to show as text.
      expect(group.body.name).toBe(`Group ${index} ${payload.slice(0, 150)}`.trim());

      const thread = await leaderA.post(`/api/groups/${group.body.id}/threads`, { title: payload.slice(0, 200), body: payload });
      expect(thread.status).toBe(201);
      const reply = await leaderA.post(`/api/threads/${thread.body.id}/posts`, { body: `reply ${payload}` });
      const edited = await leaderA.patch(`/api/posts/${reply.body.posts[1].id}`, { body: `edited ${payload}` });
      rendered.push(...edited.body.posts.map((p: { bodyHtml: string }) => p.bodyHtml));
      const revisions = await leaderA.get(`/api/posts/${reply.body.posts[1].id}/revisions`);
      rendered.push(...revisions.body.items.map((r: { bodyHtml: string }) => r.bodyHtml));

      const doc = await leaderA.post(`/api/groups/${group.body.id}/documents`, {
        kind: 'STATEMENT',
        ownerOrganisationId: w.orgA.id,
        language: 'en',
        title: payload.slice(0, 200),
        body: payload,
      });
      expect(doc.status).toBe(201);
      const ar = await leaderA.put(`/api/documents/${doc.body.id}/versions/ar`, { title: 'بيان', body: `نص ${payload}`, baseRevision: 0 });
      rendered.push(...ar.body.versions.map((v: { bodyHtml: string }) => v.bodyHtml));
      const comment = await leaderA.post(`/api/documents/${doc.body.id}/comments`, { language: 'en', quote: payload.slice(0, 1000), body: payload });
      expect(comment.status).toBe(201);
      rendered.push(...comment.body.items.map((c: { bodyHtml: string }) => c.bodyHtml));
    }
    expect(rendered.length).toBeGreaterThanOrEqual(batches.length * 7);
    for (const html of rendered) expect(executableMarkupIn(html), html).toEqual([]);
    // The text itself is kept (as Markdown), not silently dropped.
    const stored = await t.prisma.discussionPost.findFirstOrThrow({ where: { body: { startsWith: 'edited <SCRIPT' } } });
    expect(stored.body).toContain('<SCRIPT SRC=https://xss.rocks/xss.js></SCRIPT>');
  });

  it('renders campaign goals without executable markup and keeps names and milestones as typed', async () => {
    const leaderA = await signedIn(t, w.leaderA);
    const rendered: string[] = [];
    for (let i = 0; i < XSS_PAYLOADS.length; i += 6) {
      const payload = XSS_PAYLOADS.slice(i, i + 6).join('\n\n');
      const campaign = await leaderA.post(`/api/groups/${w.closedGroupId}/campaigns`, {
        ownerOrganisationId: w.orgA.id,
        title: payload.slice(0, 200),
        goal: payload,
        milestones: [{ title: payload.slice(0, 200), dueOn: '2027-05-01' }],
      });
      expect(campaign.status, JSON.stringify(campaign.body)).toBe(201);
      rendered.push(campaign.body.goalHtml);
      // Plain-text fields come back exactly as typed, for the SPA to show as text.
      expect(campaign.body.title).toBe(payload.slice(0, 200).trim());
      expect(campaign.body.milestones[0].title).toBe(payload.slice(0, 200).trim());
      const edited = await leaderA.patch(`/api/campaigns/${campaign.body.id}`, { goal: `edited ${payload}` });
      rendered.push(edited.body.goalHtml);
    }
    expect(rendered.length).toBeGreaterThanOrEqual(Math.ceil(XSS_PAYLOADS.length / 6) * 2);
    for (const html of rendered) expect(executableMarkupIn(html), html).toEqual([]);
    const stored = await t.prisma.campaign.findFirstOrThrow({ where: { goal: { startsWith: 'edited <SCRIPT' } } });
    expect(stored.goal).toContain('<SCRIPT SRC=https://xss.rocks/xss.js></SCRIPT>');
  });

  it('escapes payloads in notification e-mails', async () => {
    const leaderA = await signedIn(t, w.leaderA);
    const title = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    const thread = await leaderA.post(`/api/groups/${w.closedGroupId}/threads`, { title, body: 'hi', mentions: [w.leaderB.id] });
    expect(thread.status).toBe(201);
    const mail = await t.mailbox.waitFor(w.leaderB.email, (m) => (m.text ?? '').includes(title));
    expect(mail.html).toBeTruthy();
    const body = String(mail.html).replace(/^[\s\S]*<body[^>]*>/i, '').replace(/<\/body>[\s\S]*$/i, '');
    expect(body).not.toMatch(/<script|<img/i);
    // The mail's own layout uses div/p/a with inline styles; nothing else may appear.
    const problems = executableMarkupIn(body).filter((p) => !/^(tag <div>|style |attribute (dir|style))/.test(p));
    expect(problems).toEqual([]);
    expect(body).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});
