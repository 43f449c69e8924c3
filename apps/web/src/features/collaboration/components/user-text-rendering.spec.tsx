import { screen } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CampaignDetail } from '@tadamon/shared';
import { json, mockFetch, renderWithProviders, volunteerSession } from '../../../test/render';
import { CampaignTimeline } from './campaign-timeline';
import { CommentsCard } from './comments-card';

/**
 * The SPA's side of "nothing executes": plain-text fields (names, titles, quoted passages) are
 * shown as text, never parsed as markup, whatever the API sends. Payloads from the OWASP XSS
 * filter evasion cheat sheet; the API tests cover the Markdown rendered to `…Html`.
 */
const PAYLOADS = [
  '<SCRIPT SRC=https://xss.rocks/xss.js></SCRIPT>',
  '<IMG SRC=/ onerror="alert(String.fromCharCode(88,83,83))"></img>',
  '<svg/onload=alert(\'XSS\')>',
  '<IFRAME SRC="javascript:alert(\'XSS\');"></IFRAME>',
  '<a href="javascript:alert(1)">click</a>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '"><img src=x onerror=alert(1)>',
  '{{constructor.constructor(\'alert(1)\')()}}',
];
const DOC = '00000000-0000-4000-8000-00000000d0c2';

/** Elements or attributes in the rendered card that could run code. */
function executableIn(root: Element): string[] {
  const found: string[] = [];
  for (const el of root.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    if (['script', 'img', 'svg', 'iframe', 'object', 'embed', 'math', 'style', 'link', 'meta', 'base'].includes(tag)) {
      // Mantine draws its own icons as svg without any user text: only a user's svg counts.
      if (tag === 'svg' && !el.outerHTML.match(/onload|alert/i)) continue;
      found.push(`tag <${tag}>`);
    }
    for (const attr of el.attributes) {
      if (/^on/i.test(attr.name)) found.push(`attribute ${attr.name}`);
      if (/^\s*javascript:/i.test(attr.value)) found.push(`javascript: in ${attr.name}`);
    }
  }
  return found;
}

beforeAll(() => {
  if (!('fonts' in document)) Object.defineProperty(document, 'fonts', { value: new EventTarget(), configurable: true });
});

describe('user text in collaboration screens', () => {
  it('shows comment authors and quoted passages as text, and comment bodies only as the API rendered them', async () => {
    mockFetch({
      [`GET /api/documents/${DOC}/comments`]: () =>
        json(200, {
          canDecide: true,
          items: PAYLOADS.map((payload, index) => ({
            id: `00000000-0000-4000-8000-0000000000${String(index).padStart(2, '0')}`,
            language: 'en',
            quote: payload,
            bodyMarkdown: payload,
            // What the API sends for this Markdown: the payload escaped inside a paragraph.
            bodyHtml: `<p>${payload.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</p>`,
            authorName: payload,
            state: 'OPEN',
            createdAt: '2026-11-26T10:00:00.000Z',
            decidedAt: null,
          })),
        }),
    });
    renderWithProviders(<CommentsCard documentId={DOC} languages={['en']} />, { session: volunteerSession });
    const list = await screen.findByTestId('comments');
    await screen.findAllByText(PAYLOADS[0]!);
    expect(list.querySelectorAll('li')).toHaveLength(PAYLOADS.length);
    expect(executableIn(list)).toEqual([]);
    // Each payload shows as the characters typed: in the quote and in the body.
    for (const payload of PAYLOADS) expect(screen.getAllByText(payload).length).toBeGreaterThanOrEqual(2);
  });

  it('shows campaign milestone titles as text', async () => {
    const campaign = {
      id: '00000000-0000-4000-8000-00000000ca01',
      canEdit: true,
      milestones: PAYLOADS.map((payload, index) => ({
        id: `00000000-0000-4000-8000-0000000001${String(index).padStart(2, '0')}`,
        title: payload,
        dueOn: '2027-03-08',
        done: false,
        doneAt: null,
      })),
    } as unknown as CampaignDetail;
    renderWithProviders(<CampaignTimeline campaign={campaign} />, { session: volunteerSession });
    const timeline = await screen.findByTestId('timeline');
    expect(timeline.querySelectorAll('li')).toHaveLength(PAYLOADS.length);
    expect(executableIn(timeline)).toEqual([]);
    expect(timeline.textContent).toContain(PAYLOADS[1]);
  });
});
