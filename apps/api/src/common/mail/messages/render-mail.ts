import { dateLocale, directionOf, type Language } from '@tadamon/shared';

/** A rendered message, ready for the `mail.send` job. */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/**
 * The words of one message in one language. Every entry is a whole sentence (or a whole
 * label), written by a translator with its placeholders in place: we never glue pieces of
 * sentences together, because word order differs between languages.
 */
export interface MailContent {
  subject: string;
  greeting: string;
  paragraphs: string[];
  /** The sentence just before the link, e.g. "To accept, open this link:". */
  linkIntro: string;
  /** The button label in the HTML version. */
  button: string;
  /** Closing sentences after the link (expiry, "ignore this mail if…"). */
  closing: string[];
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** Escapes every value of a placeholder object, for the HTML rendering of the same texts. */
export function escapeAll<T extends Record<string, string>>(values: T): T {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, escapeHtml(v)])) as T;
}

/**
 * Renders texts written once per language. The translator's function is called twice: with
 * the raw values for the plain-text part and the subject, and with HTML-escaped values for
 * the HTML part, so a name like `<b>Ana</b>` can never become markup.
 */
export function renderMail<V extends Record<string, string>>(
  language: Language,
  texts: (values: V) => MailContent,
  values: V,
  link: string,
): RenderedMail {
  const plain = texts(values);
  const safe = texts(escapeAll(values));
  const safeLink = escapeHtml(link);
  const text = [plain.greeting, ...plain.paragraphs, `${plain.linkIntro}\n${link}`, ...plain.closing].join(
    '\n\n',
  );
  const dir = directionOf(language);
  const align = dir === 'rtl' ? 'right' : 'left';
  const paragraph = (content: string) => `<p style="margin:0 0 16px">${content}</p>`;
  const html = [
    '<!doctype html>',
    `<html lang="${language}" dir="${dir}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"></head>',
    `<body style="margin:0;padding:24px;background:#f5f5f4;">`,
    `<div dir="${dir}" style="max-width:560px;margin:0 auto;padding:24px;background:#ffffff;` +
      `font-family:Arial,'Noto Sans','Noto Naskh Arabic',sans-serif;font-size:16px;line-height:1.5;` +
      `color:#1c1917;text-align:${align};">`,
    paragraph(safe.greeting),
    ...safe.paragraphs.map(paragraph),
    `<p style="margin:24px 0"><a href="${safeLink}" style="display:inline-block;padding:12px 20px;` +
      `background:#0f766e;color:#ffffff;text-decoration:none;border-radius:6px;">${safe.button}</a></p>`,
    paragraph(safe.linkIntro),
    // Links read left to right even inside an Arabic message.
    `<p dir="ltr" style="margin:0 0 16px;text-align:left;word-break:break-all;">` +
      `<a href="${safeLink}" style="color:#0f766e;">${safeLink}</a></p>`,
    ...safe.closing.map(paragraph),
    '</div>',
    '</body>',
    '</html>',
  ].join('\n');
  return { subject: plain.subject, text, html };
}

/** Dates in mails: long form in the reader's language, with the zone named (UTC unless known). */
export function formatMailDate(language: Language, date: Date, timeZone = 'UTC'): string {
  // British English, as in the rest of the interface (day before month, 24-hour clock).
  return new Intl.DateTimeFormat(dateLocale(language), {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(date);
}
