import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const LANGUAGES = ['en', 'fr', 'es', 'nl', 'ar'] as const;
const LOCALES_DIR = import.meta.dirname;

function text(language: string, key: string): string {
  const [namespace, path] = key.split(':') as [string, string];
  let node: unknown = JSON.parse(readFileSync(join(LOCALES_DIR, language, `${namespace}.json`), 'utf8'));
  for (const part of path.split('.')) node = (node as Record<string, unknown>)[part];
  if (typeof node !== 'string') throw new Error(`${language}/${key} is not a text`);
  return node;
}

/**
 * Issue 20: one name for each thing in every language. Each group lists the places a concept is
 * named on its own (menu entry, page heading, card title, choice label); within a language they
 * must read the same, so a person never wonders whether "Learning" and "Courses" are two places.
 */
const SAME_NAME: Record<string, string[]> = {
  'the course catalogue (menu entry and its page)': ['common:nav.learning', 'learning:catalogue.title'],
  'the learner’s own courses (home card and page)': ['home:volunteer.learningTitle', 'learning:mine.title'],
  'team learning (menu entry and page)': ['common:nav.teamLearning', 'courseProgress:title'],
  'written for everyone (material and course audience)': ['materials:audiences.EVERYONE', 'courseAuthoring:audiences.EVERYONE'],
};

/** Sentences that name a concept must use that concept's name (case aside). */
const NAMED_IN: Record<string, [string, string[]]> = {
  'the link to the learner’s own courses': ['learning:mine.title', ['home:learning.all']],
  'the way back to the catalogue': ['learning:catalogue.title', ['learning:course.back', 'learning:mine.browse']],
};

describe.each(LANGUAGES)('terminology in %s', (language) => {
  it.each(Object.entries(SAME_NAME))('names %s one way', (_concept, keys) => {
    const names = new Set(keys.map((key) => text(language, key)));
    expect([...names], keys.join(' / ')).toHaveLength(1);
  });

  it.each(Object.entries(NAMED_IN))('uses the name in %s', (_concept, [nameKey, sentenceKeys]) => {
    const name = text(language, nameKey).toLocaleLowerCase(language);
    for (const key of sentenceKeys) expect(text(language, key).toLocaleLowerCase(language), key).toContain(name);
  });
});
