import './app/styles';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { initI18n } from './lib/i18n';
import { applyDocumentLanguage, readStoredLanguage } from './lib/languages';
import { registerServiceWorker } from './lib/service-worker';

// Set lang/dir before the first paint so Arabic never flashes left-to-right.
const stored = readStoredLanguage();
if (stored) applyDocumentLanguage(stored);
void initI18n();
registerServiceWorker();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
