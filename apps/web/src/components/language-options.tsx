import { LANGUAGES, LANGUAGE_NAMES } from '../lib/languages';

/** The five languages as <option>s, each named in its own language (and tagged with it). */
export function LanguageOptions() {
  return LANGUAGES.map((language) => (
    <option key={language} value={language} lang={language}>
      {LANGUAGE_NAMES[language]}
    </option>
  ));
}
