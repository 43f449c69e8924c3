// The rule lives in common/i18n; this name stays for the certificates module's own imports.
export { localisedText as localised } from '../../common/i18n/localised-text.js';
