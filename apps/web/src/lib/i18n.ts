import i18next, { type BackendModule, type ReadCallback } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { PROGRESS_STATE_LABELS } from '@tadamon/shared';
import { LANGUAGES, applyDocumentLanguage, detectLanguage, directionOf, isLanguage } from './languages';

export const NAMESPACES = [
  'common',
  'errors',
  'validation',
  'auth',
  'profile',
  'directory',
  'organisation',
  'home',
  'activity',
  'meetings',
  'materials',
  'collaboration',
  'certificates',
  'accreditation',
  'learning',
  'courseProgress',
  'courseAuthoring',
  'learningOffline',
  'twoFactor',
  'singleSignOn',
  'messageBudget',
  'reportTargets',
  'reports',
  'admin',
] as const;
export type Namespace = (typeof NAMESPACES)[number];

// Each language/namespace file is its own small chunk, fetched when a screen needs it.
const loaders = import.meta.glob<{ default: Record<string, unknown> }>('../locales/*/*.json');

const lazyBackend: BackendModule = {
  type: 'backend',
  init() {},
  read(language: string, namespace: string, callback: ReadCallback) {
    const load = loaders[`../locales/${language}/${namespace}.json`];
    if (!load) {
      callback(new Error(`No translations for ${language}/${namespace}`), false);
      return;
    }
    load().then(
      (module) => callback(null, module.default as never),
      (error: Error) => callback(error, true), // retry: probably a dropped connection
    );
  },
};

export const i18n = i18next.createInstance();

/**
 * The namespaces a first screen needs, asked for with the first three so they all travel at
 * once: on a 300 ms line, waiting for the screen to ask costs another round trip.
 */
function firstScreenNamespaces(path: string): Namespace[] {
  // The sign-in form fetches its messages (errors, validation) once it shows (sign-in-form.tsx).
  if (path === '/sign-in') return ['common', 'auth', 'singleSignOn'];
  const first: Namespace[] = ['common', 'errors', 'validation'];
  return path === '/' ? [...first, 'auth', 'singleSignOn'] : first;
}

const FIRST_STRONG_ISOLATE = '\u2068';
const POP_DIRECTIONAL_ISOLATE = '\u2069';
let isolating = false;

/**
 * What a sentence interpolates (an organisation's, person's or course's name, a title) is wrapped
 * in Unicode isolates (FSI … PDI, the plain-text <bdi>) while the interface is right to left, so
 * "Association Al Amal Tanger" or "INSP!R" inside an Arabic sentence takes its own direction and
 * the sentence's punctuation stays where the translator put it. Works in attributes and titles
 * too, where markup cannot go. Numbers and dates carry no letter and are left alone.
 */
export function isolateInterpolated(value: string): string {
  if (!isolating || !/\p{L}/u.test(value) || value.startsWith(FIRST_STRONG_ISOLATE)) return value;
  return `${FIRST_STRONG_ISOLATE}${value}${POP_DIRECTIONAL_ISOLATE}`;
}

export function initI18n(language?: string) {
  i18n.on('languageChanged', (lng) => {
    isolating = directionOf(lng) === 'rtl';
    if (isLanguage(lng)) applyDocumentLanguage(lng);
  });
  const ready = i18n
    .use(lazyBackend)
    .use(initReactI18next)
    .init({
      // The person's stored choice, else the browser's first language we have, else English.
      lng: language ?? detectLanguage(),
      supportedLngs: [...LANGUAGES],
      nonExplicitSupportedLngs: false,
      load: 'languageOnly',
      // Every language has every key (locales.spec.ts checks it), so no English is fetched
      // beside Arabic or French "just in case": that was 10 kB more on the Arabic sign-in page.
      fallbackLng: false,
      ns: firstScreenNamespaces(typeof location === 'undefined' ? '' : location.pathname),
      defaultNS: 'common',
      // React escapes HTML; the one "escape" wanted is bidi isolation of interpolated text.
      interpolation: { escapeValue: true, escape: isolateInterpolated },
      returnNull: false,
      react: { useSuspense: true },
    });
  // The names of progress states come from packages/shared, where the API's CSV exports take
  // them too: one wording on every screen and in every file (namespace `progress`).
  for (const language of LANGUAGES) i18n.addResourceBundle(language, 'progress', PROGRESS_STATE_LABELS[language], true, true);
  return ready;
}
