import './markdown-html.css';
import { inLanguage } from './in-language';

/**
 * Shows user text the API rendered from Markdown: the one place the SPA sets HTML, and only
 * ever with `…Html` fields from the API. The API sanitises them (markdown-it with raw HTML off,
 * then sanitize-html with an allow-list; common/text/markdown.ts, tested against the OWASP
 * evasion list). `className` replaces the default look where a screen has its own (a lesson
 * body, minutes); `language` marks text written in another language than the screen's (null:
 * a post or comment in a language nobody declared, whose text then sets its own direction).
 */
export function MarkdownHtml({
  html,
  className = 'markdown-html',
  testId,
  language,
}: {
  html: string;
  className?: string;
  testId?: string;
  language?: string | null;
}) {
  const own = language === undefined ? {} : inLanguage(language);
  return <div className={className} data-testid={testId} {...own} dangerouslySetInnerHTML={{ __html: html }} />;
}
