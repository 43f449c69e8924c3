import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ACTION_STATUSES,
  ATTENDANCE_STATUSES,
  ERROR_CODES,
  LANGUAGES,
  MEETING_ANSWERS,
  MEETING_FORMATS,
  MEETING_ORGANISATION_RESPONSES,
  MEETING_STATUSES,
  ORGANISATION_TYPES,
  POLL_CHOICES,
  REMINDER_CHOICES,
  ROLES,
} from '@tadamon/shared';
import { REPEAT_LABELS } from '../features/meetings/components/meeting-form-values';
import { NAMESPACES } from '../lib/i18n';

// import.meta.url is an http: URL under happy-dom; the file path is what we need.
const LOCALES_DIR = import.meta.dirname ?? dirname(new URL(import.meta.url).pathname);
const SRC_DIR = join(LOCALES_DIR, '..');
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

type Tree = { [key: string]: string | Tree };

function load(language: string, namespace: string): Tree {
  return JSON.parse(readFileSync(join(LOCALES_DIR, language, `${namespace}.json`), 'utf8')) as Tree;
}

/** Flattens nested keys to dotted paths: { a: { b: 'x' } } → { 'a.b': 'x' }. */
function flatten(tree: Tree, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object') for (const [k, v] of flatten(value, path)) out.set(k, v);
    else out.set(path, value);
  }
  return out;
}

/**
 * Keys a language must have: English's keys, where each plural key (`x_one`, `x_other`) stands
 * for the plural forms that language's grammar needs (Arabic has six, Dutch two).
 */
function expectedKeys(english: Map<string, unknown>, language: string): Set<string> {
  const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
  const keys = new Set<string>();
  for (const key of english.keys()) {
    if (PLURAL_SUFFIX.test(key)) {
      const base = key.replace(PLURAL_SUFFIX, '');
      for (const category of categories) keys.add(`${base}_${category}`);
    } else keys.add(key);
  }
  return keys;
}

function interpolations(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!).filter((name) => name !== 'count').sort();
}

describe('translation files', () => {
  it('has exactly the five languages and every namespace, nothing stray', () => {
    const languages = readdirSync(LOCALES_DIR).filter((entry) => statSync(join(LOCALES_DIR, entry)).isDirectory());
    expect(languages.sort()).toEqual([...LANGUAGES].sort());
    for (const language of LANGUAGES) {
      const files = readdirSync(join(LOCALES_DIR, language)).sort();
      expect(files, language).toEqual(NAMESPACES.map((ns) => `${ns}.json`).sort());
    }
  });

  for (const namespace of NAMESPACES) {
    const english = flatten(load('en', namespace));
    for (const language of LANGUAGES) {
      it(`${language}/${namespace}.json has exactly the keys of English, none empty`, () => {
        const translated = flatten(load(language, namespace));
        const expected = expectedKeys(english, language);
        const missing = [...expected].filter((key) => !translated.has(key));
        const extra = [...translated.keys()].filter((key) => !expected.has(key));
        expect({ missing, extra }).toEqual({ missing: [], extra: [] });
        for (const [key, value] of translated) {
          expect(typeof value, `${language}/${namespace}:${key}`).toBe('string');
          expect((value as string).trim(), `${language}/${namespace}:${key} is empty`).not.toBe('');
        }
      });

      it(`${language}/${namespace}.json keeps the {{placeholders}} of English`, () => {
        const translated = flatten(load(language, namespace));
        for (const [key, value] of english) {
          const base = key.replace(PLURAL_SUFFIX, '');
          for (const [tKey, tValue] of translated) {
            if (tKey === key || (PLURAL_SUFFIX.test(key) && tKey.replace(PLURAL_SUFFIX, '') === base)) {
              expect(interpolations(tValue as string), `${language}/${namespace}:${tKey}`).toEqual(
                interpolations(value as string),
              );
            }
          }
        }
      });
    }
  }

  it('translates every error code the API can send', () => {
    const errors = flatten(load('en', 'errors'));
    for (const code of ERROR_CODES) expect(errors.has(code), code).toBe(true);
  });

  it('has the keys the code builds at run time (roles, organisation types, home intros)', () => {
    const common = flatten(load('en', 'common'));
    const home = flatten(load('en', 'home'));
    for (const role of ROLES) {
      expect(common.has(`roles.${role}`), role).toBe(true);
      expect(home.has(`intro.${role}`), role).toBe(true);
    }
    for (const type of ORGANISATION_TYPES) expect(common.has(`organisationTypes.${type}`), type).toBe(true);
  });
});

describe('meeting keys built at run time', () => {
  // Each language has English's keys (checked above), so English having them is enough.
  const meetings = flatten(load('en', 'meetings'));
  const has = (keys: Map<string, unknown>, key: string) => keys.has(key) || keys.has(`${key}_one`);

  it('names every format, status, answer, response, reminder, repetition and follow-up state', () => {
    const needed = [
      ...MEETING_FORMATS.map((f) => `format.${f}`),
      ...MEETING_STATUSES.filter((s) => s !== 'SCHEDULED').map((s) => `status.${s}`),
      ...MEETING_ORGANISATION_RESPONSES.map((r) => `response.${r}`),
      ...MEETING_ANSWERS.flatMap((a) => [`answer.${a}`, `registration.current.${a}`]),
      ...REMINDER_CHOICES.map((m) => `reminderChoice.m${m}`),
      ...Object.values(REPEAT_LABELS).map((r) => `repeat.${r}`),
      ...ATTENDANCE_STATUSES.map((s) => `attendance.status.${s}`),
      ...ACTION_STATUSES.map((s) => `actions.status.${s}`),
      ...POLL_CHOICES.map((c) => `poll.choice.${c}`),
      ...['upcoming', 'past'].flatMap((w) => [`list.${w}`, `list.empty.${w}`]),
    ];
    expect(needed.filter((key) => !has(meetings, key))).toEqual([]);
    const home = flatten(load('en', 'home'));
    expect(ACTION_STATUSES.filter((s) => !home.has(`actionItems.status.${s}`))).toEqual([]);
  });

  it('translates the field errors and notifications the meetings API sends', () => {
    const validation = flatten(load('en', 'validation'));
    const fieldErrors = [
      'endBeforeStart', 'unknownTimeZone', 'nonexistentLocalTime', 'localDateTime', 'recurrence', 'addressRequired',
      'onlineUrlRequired', 'nobodyInvited', 'deadlineAfterMeeting', 'capacityBelowRegistrations', 'delegateNotMember',
      'notAnOccurrence', 'pollNoSlots', 'pollDuplicateSlot', 'languageTag', 'date',
    ];
    expect(fieldErrors.filter((key) => !validation.has(key))).toEqual([]);
    const collaboration = flatten(load('en', 'collaboration'));
    const kinds = ['meetingInvitation', 'meetingPoll', 'meetingTimeChanged', 'meetingCancelled', 'meetingMinutes', 'meetingActionItem'];
    expect(kinds.filter((kind) => !collaboration.has(`notifications.kinds.${kind}`))).toEqual([]);
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return entry === 'locales' || entry === 'test' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry) && !/\.spec\.tsx?$/.test(entry) ? [path] : [];
  });
}

describe('translation keys used in the code', () => {
  const english = new Map(NAMESPACES.map((ns) => [ns as string, flatten(load('en', ns))]));
  const exists = (namespace: string, key: string) => {
    const keys = english.get(namespace);
    if (!keys) return false;
    return keys.has(key) || keys.has(`${key}_one`) || keys.has(`${key}_other`);
  };

  it('finds keys to check (the scan itself works)', () => {
    const all = sourceFiles(SRC_DIR).map((file) => readFileSync(file, 'utf8')).join('\n');
    expect(all.match(/\bt\(\s*'[\w.:]+'/g)?.length ?? 0).toBeGreaterThan(100);
  });

  for (const file of sourceFiles(SRC_DIR)) {
    const source = readFileSync(file, 'utf8');
    if (!/\bt\(\s*'/.test(source)) continue;
    it(`every t('…') literal in ${relative(SRC_DIR, file)} exists in English`, () => {
      // The namespaces this file asks for: unprefixed keys may come from any of them.
      const used = new Set<string>();
      for (const match of source.matchAll(/useTranslation\(\s*(\[[^\]]*\]|'[^']*')/g)) {
        for (const ns of match[1]!.matchAll(/'([^']+)'/g)) used.add(ns[1]!);
      }
      if (used.size === 0) used.add('common');
      const unknown: string[] = [];
      for (const match of source.matchAll(/\bt\(\s*'([\w.:]+)'/g)) {
        const literal = match[1]!;
        const [namespace, key] = literal.includes(':') ? literal.split(':', 2) : [null, literal];
        const found = namespace ? exists(namespace, key!) : [...used].some((ns) => exists(ns, key!));
        if (!found) unknown.push(literal);
      }
      expect(unknown).toEqual([]);
    });
  }
});
