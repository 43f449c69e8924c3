import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '@tadamon/shared';

const HERE = import.meta.dirname ?? dirname(new URL(import.meta.url).pathname);

/**
 * The sign and decline buttons show one word and are named "<word> on behalf of <organisation>".
 * WCAG 2.5.3 (label in name; axe rule label-content-name-mismatch): the name must contain the
 * visible word as a whole word, or speech users saying what they see cannot press the button.
 * The Arabic names once began with the definite article (الاعتذار for اعتذار) and failed.
 */
describe.each(LANGUAGES)('signatory buttons in %s', (language) => {
  const texts = JSON.parse(readFileSync(join(HERE, '../../../locales', language, 'collaboration.json'), 'utf8')).signatories;
  const words = (s: string) => s.replace('{{organisation}}', '').toLocaleLowerCase(language).split(/\s+/).filter(Boolean);
  it.each([
    ['sign', 'signFor'],
    ['decline', 'declineFor'],
  ])('the accessible name %s → %s contains the visible text as whole words', (visible, name) => {
    const shown = words(texts[visible]);
    const named = words(texts[name]);
    const at = named.findIndex((_, i) => shown.every((w, j) => named[i + j] === w));
    expect(at, `${texts[name]} should contain “${texts[visible]}”`).toBeGreaterThanOrEqual(0);
  });
});
