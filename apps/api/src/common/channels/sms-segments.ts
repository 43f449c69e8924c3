/**
 * SMS length rules (3GPP TS 23.038 / 23.040). A text made only of GSM-7 characters travels
 * 160 septets in one SMS, 153 per part once split (the rest is the concatenation header);
 * anything else (Arabic, "ç", emoji) goes as UCS-2: 70 UTF-16 units, 67 per part. Operators
 * bill per part, and many old phones show a long message badly, so we keep to two parts.
 */

const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
/** Characters of the extension table: each costs an escape plus itself (two septets). */
const GSM7_EXTENSION = '^{}\\[~]|€\f';

const BASIC = new Set(GSM7_BASIC);
const EXTENSION = new Set(GSM7_EXTENSION);

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsLength {
  encoding: SmsEncoding;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2). */
  units: number;
  segments: number;
}

export const MAX_SMS_SEGMENTS = 2;

export function smsEncoding(text: string): SmsEncoding {
  for (const char of text) if (!BASIC.has(char) && !EXTENSION.has(char)) return 'UCS-2';
  return 'GSM-7';
}

function units(text: string, encoding: SmsEncoding): number {
  if (encoding === 'UCS-2') return text.length; // UTF-16 code units: an emoji counts two
  let septets = 0;
  for (const char of text) septets += EXTENSION.has(char) ? 2 : 1;
  return septets;
}

function perSegment(encoding: SmsEncoding, segmented: boolean): number {
  if (encoding === 'GSM-7') return segmented ? 153 : 160;
  return segmented ? 67 : 70;
}

export function smsLength(text: string): SmsLength {
  const encoding = smsEncoding(text);
  const count = units(text, encoding);
  if (count <= perSegment(encoding, false)) return { encoding, units: count, segments: count === 0 ? 0 : 1 };
  return { encoding, units: count, segments: Math.ceil(count / perSegment(encoding, true)) };
}

/** The most units a text of this encoding may have and still fit in `segments` parts. */
export function smsCapacity(encoding: SmsEncoding, segments: number): number {
  return segments <= 1 ? perSegment(encoding, false) : segments * perSegment(encoding, true);
}

/**
 * Cuts a text to fit `maxSegments` parts, at a word boundary when one is near, ending with an
 * ellipsis of the text's own alphabet ("..." keeps a GSM-7 text GSM-7). Never splits a
 * surrogate pair or an escape character.
 */
export function truncateSms(text: string, maxSegments = MAX_SMS_SEGMENTS): string {
  if (smsLength(text).segments <= maxSegments) return text;
  const encoding = smsEncoding(text);
  const ellipsis = encoding === 'GSM-7' ? '...' : '…';
  const budget = smsCapacity(encoding, maxSegments) - units(ellipsis, encoding);
  let kept = '';
  let used = 0;
  for (const char of text) {
    const cost = encoding === 'GSM-7' ? (EXTENSION.has(char) ? 2 : 1) : char.length;
    if (used + cost > budget) break;
    kept += char;
    used += cost;
  }
  const space = kept.search(/\s\S*$/);
  if (space > kept.length * 0.8) kept = kept.slice(0, space);
  return kept.trimEnd() + ellipsis;
}

/**
 * Renders a message whose essential parts (a code, a link) must survive whole: only the named
 * free-text value (a title, a name) is shortened until the whole fits, then the whole is cut
 * as a last resort.
 */
export function fitSms<V extends Record<string, string>>(
  render: (values: V) => string,
  values: V,
  shrinkable: keyof V,
  maxSegments = MAX_SMS_SEGMENTS,
): string {
  let text = render(values);
  const chars = [...values[shrinkable]];
  const ellipsis = smsEncoding(values[shrinkable]) === 'GSM-7' ? '...' : '…';
  let keep = chars.length;
  while (smsLength(text).segments > maxSegments && keep > 8) {
    keep = Math.max(8, Math.floor(keep * 0.85));
    text = render({ ...values, [shrinkable]: chars.slice(0, keep).join('').trimEnd() + ellipsis });
  }
  return truncateSms(text, maxSegments);
}
