import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

/**
 * User text is stored as Markdown and shown as HTML rendered here. markdown-it runs with raw
 * HTML off (so `<script>` stays text), and sanitize-html then keeps only an allow-list of
 * tags and attributes as a second wall: a bug in one layer must not open a hole.
 */
const markdown = new MarkdownIt({ html: false, linkify: true, breaks: true });

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'strong', 'em', 'del', 's', 'code', 'pre', 'blockquote',
    'ul', 'ol', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'a',
    'table', 'thead', 'tbody', 'tr', 'th', 'td',
  ],
  allowedAttributes: { a: ['href', 'title'], ol: ['start'], th: ['style'], td: ['style'] },
  allowedStyles: { '*': { 'text-align': [/^(left|right|center|start|end)$/] } },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  // Links open outside the app without giving the new page a handle on ours.
  transformTags: {
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow', target: '_blank' }),
  },
  disallowedTagsMode: 'escape',
};
// transformTags adds rel/target after the allow-list check, so allow them explicitly.
SANITIZE.allowedAttributes = { ...SANITIZE.allowedAttributes, a: ['href', 'title', 'rel', 'target'] };

export function renderMarkdown(source: string): string {
  return sanitizeHtml(markdown.render(source), SANITIZE);
}

/**
 * Markdown as blocks of plain text (headings marked): what a printed page shows. Parsed with
 * the same markdown-it settings as the HTML, so a PDF and the screen agree on what is a block.
 */
export function markdownBlocks(source: string): { text: string; heading: boolean }[] {
  const blocks: { text: string; heading: boolean }[] = [];
  let heading = false;
  for (const token of markdown.parse(source, {})) {
    if (token.type === 'heading_open') heading = true;
    if (token.type === 'heading_close') heading = false;
    if (token.type !== 'inline') continue;
    const text = (token.children ?? [])
      .map((c) => (c.type === 'softbreak' || c.type === 'hardbreak' ? ' ' : c.type === 'text' || c.type === 'code_inline' ? c.content : ''))
      .join('');
    if (text.trim()) blocks.push({ text, heading });
  }
  return blocks;
}
