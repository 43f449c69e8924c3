import { describe, expect, it } from 'vitest';
import { markdownBlocks, renderMarkdown } from './markdown.js';

describe('renderMarkdown', () => {
  it('keeps ordinary formatting and safe links', () => {
    const html = renderMarkdown('**Solidarity** with [INSP!R](https://example.org) and _care_');
    expect(html).toContain('<strong>Solidarity</strong>');
    expect(html).toContain('<a href="https://example.org" rel="noopener noreferrer nofollow" target="_blank">INSP!R</a>');
    expect(html).toContain('<em>care</em>');
  });

  it('keeps Arabic text as written', () => {
    expect(renderMarkdown('نحن **متضامنون**')).toBe('<p>نحن <strong>متضامنون</strong></p>\n');
  });

  it('shows raw HTML as text and drops script links', () => {
    const html = renderMarkdown('<script>alert(1)</script> [x](javascript:alert(1))');
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toMatch(/href="javascript/i);
  });
});

describe('markdownBlocks', () => {
  it('gives the printed page plain paragraphs and headings, without markup', () => {
    const blocks = markdownBlocks('# Charter\n\nWe **share** `tools`\nand care.\n\n- one [link](https://example.org)');
    expect(blocks).toEqual([
      { text: 'Charter', heading: true },
      { text: 'We share tools and care.', heading: false },
      { text: 'one link', heading: false },
    ]);
  });
});
