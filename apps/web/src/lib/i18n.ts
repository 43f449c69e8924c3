import i18next, { type BackendModule, type ReadCallback } from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { PROGRESS_STATE_LABELS } from '@tadamon/shared';
import { LANGUAGES, LANGUAGE_STORAGE_KEY, applyDocumentLanguage, isLanguage, primaryLanguage } from './languages';

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

export function initI18n(language?: string) {
  i18n.on('languageChanged', (lng) => {
    if (isLanguage(lng)) applyDocumentLanguage(lng);
  });
  const ready = i18n
    .use(lazyBackend)
    .use(LanguageDetector)
    .use(initReactI18next)
    .init({
      lng: language,
      supportedLngs: [...LANGUAGES],
      nonExplicitSupportedLngs: false,
      load: 'languageOnly',
      fallbackLng: 'en',
      ns: ['common', 'errors', 'validation'],
      defaultNS: 'common',
      interpolation: { escapeValue: false }, // React escapes
      returnNull: false,
      detection: {
        order: ['localStorage', 'navigator', 'htmlTag'],
        lookupLocalStorage: LANGUAGE_STORAGE_KEY,
        // Only a person's explicit choice is stored (see storeLanguage), never a guess.
        caches: [],
        convertDetectedLanguage: primaryLanguage,
      },
      react: { useSuspense: true },
    });
  // The names of progress states come from packages/shared, where the API's CSV exports take
  // them too: one wording on every screen and in every file (namespace `progress`).
  for (const language of LANGUAGES) i18n.addResourceBundle(language, 'progress', PROGRESS_STATE_LABELS[language], true, true);
  return ready;
}
