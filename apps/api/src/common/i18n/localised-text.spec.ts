import { describe, expect, it } from 'vitest';
import { localisedList, localisedText, localisedTextPicker, pickLocalisedText } from './localised-text.js';

const titles = { fr: 'Premiers secours', ar: 'الإسعافات الأولية', en: 'First aid', es: 'Primeros auxilios' };

describe('localisedText: which language a reader sees', () => {
  it("shows the reader's own language when the text exists in it", () => {
    expect(localisedText(titles, 'ar', ['fr'])).toBe('الإسعافات الأولية');
  });

  it("otherwise follows the network's fallback languages in their order", () => {
    expect(localisedText(titles, 'nl', ['es', 'fr'])).toBe('Primeros auxilios');
    expect(localisedText(titles, 'nl', ['fr', 'es'])).toBe('Premiers secours');
  });

  it('then English, before any other language the text happens to have', () => {
    expect(localisedText({ ar: 'نص', en: 'Text', fr: 'Texte' }, 'nl', ['es'])).toBe('Text');
    expect(localisedText({ ar: 'نص', en: 'Text' }, 'nl')).toBe('Text');
  });

  it('then any language the text exists in, rather than nothing', () => {
    expect(localisedText({ ar: 'نص' }, 'nl', ['fr'])).toBe('نص');
  });

  it('treats a blank translation as missing', () => {
    expect(localisedText({ fr: '', en: 'Description' }, 'fr')).toBe('Description');
    expect(localisedText({ fr: '   ', es: 'Descripción' }, 'fr', ['es'])).toBe('Descripción');
  });

  it('answers an empty string when there is no text at all, whatever was stored', () => {
    expect(localisedText({}, 'fr', ['en'])).toBe('');
    expect(localisedText(null, 'fr')).toBe('');
    expect(localisedText(undefined, 'fr')).toBe('');
    expect(localisedText('Not a map', 'fr')).toBe('');
    expect(localisedText(['a'], 'fr')).toBe('');
    expect(localisedText({ fr: ['a list'], en: 42 }, 'fr')).toBe('');
  });
});

describe('pickLocalisedText: the language it picked', () => {
  it('tells the language of the text shown, so a summary can follow its title', () => {
    expect(pickLocalisedText(titles, 'nl', ['es'])).toEqual({ text: 'Primeros auxilios', language: 'es' });
  });

  it("keeps the reader's language when there is nothing to show", () => {
    expect(pickLocalisedText({}, 'ar', ['en'])).toEqual({ text: '', language: 'ar' });
  });
});

describe('localisedTextPicker', () => {
  it("fixes the reader's language and fallbacks for a whole answer", () => {
    const pick = localisedTextPicker('nl', ['fr']);
    expect([pick(titles), pick({ en: 'Quiz' })]).toEqual(['Premiers secours', 'Quiz']);
  });
});

describe('localisedList: accepted short answers per language', () => {
  it("gives the reader's list, else the first non-empty one in the same order", () => {
    const accepted = { fr: [], en: ['soap', 'soap and water'], ar: ['الصابون'] };
    expect(localisedList(accepted, 'ar')).toEqual(['الصابون']);
    // A French reader of a quiz answered only in English still sees what was accepted.
    expect(localisedList(accepted, 'fr', ['es'])).toEqual(['soap', 'soap and water']);
    expect(localisedList({ es: ['jabón'] }, 'nl', ['fr'])).toEqual(['jabón']);
  });

  it('answers an empty list when nothing usable was stored', () => {
    expect(localisedList({}, 'fr')).toEqual([]);
    expect(localisedList(null, 'fr')).toEqual([]);
    expect(localisedList({ fr: 'not a list' }, 'fr')).toEqual([]);
  });
});
