import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeAll } from 'vitest';
import { setCsrfToken } from '../lib/api-client';
import { i18n, initI18n } from '../lib/i18n';
import { takeSignedOutChoice } from '../lib/use-change-language';

const realFetch = globalThis.fetch;

// Screens load their chunks and translations lazily; on a busy 2-core CI machine that can
// take longer than Testing Library's default second before a heading appears.
configure({ asyncUtilTimeout: 5000 });

// jsdom has no FontFaceSet; Mantine's autosizing Textarea listens on it for fonts loading.
if (!('fonts' in document)) Object.defineProperty(document, 'fonts', { value: new EventTarget() });

beforeAll(async () => {
  if (!i18n.isInitialized) await initI18n('en');
  await i18n.loadNamespaces(['common', 'errors', 'validation', 'auth', 'home', 'profile', 'directory', 'organisation']);
});

afterEach(async () => {
  cleanup();
  globalThis.fetch = realFetch;
  setCsrfToken(null);
  takeSignedOutChoice();
  await i18n.changeLanguage('en');
  localStorage.clear();
});
