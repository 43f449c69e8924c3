import './markdown-html.css';

/**
 * Shows user text the API rendered from Markdown: the one place the SPA sets HTML, and only
 * ever with `…Html` fields from the API. The API sanitises them (markdown-it with raw HTML off,
 * then sanitize-html with an allow-list; common/text/markdown.ts, tested against the OWASP
 * evasion list). `className` replaces the default look where a screen has its own (a lesson
 * body, minutes); `lang` and `dir` mark text written in another language than the screen's.
 */
export function MarkdownHtml({
  html,
  className = 'markdown-html',
  testId,
  lang,
  dir,
}: {
  html: string;
  className?: string;
  testId?: string;
  lang?: string;
  dir?: 'auto' | 'ltr' | 'rtl';
}) {
  return <div className={className} data-testid={testId} lang={lang} dir={dir} dangerouslySetInnerHTML={{ __html: html }} />;
}
