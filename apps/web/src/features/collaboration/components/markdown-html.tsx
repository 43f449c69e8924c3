import { inLanguage } from '../../../components/in-language';

/**
 * Shows user text the API rendered from Markdown. The API sanitises it (markdown-it with raw
 * HTML off, then sanitize-html with an allow-list; tested against the OWASP evasion list), so
 * this is the one place the SPA sets HTML, and only ever with `…Html` fields from the API.
 */
export function MarkdownHtml({ html, testId, language }: { html: string; testId?: string; language?: string | null }) {
  // A post or comment may be in any language: with none known, the text sets its own direction.
  return <div className="collab-markdown" data-testid={testId} {...inLanguage(language)} dangerouslySetInnerHTML={{ __html: html }} />;
}
