import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

/**
 * Reads a phone number as people type it — "06 12 34 56 78" in the given country, or
 * "+212 6 12 34 56 78" / "00212…" anywhere — and answers it in E.164 ("+212612345678"), the one
 * form we store and compare. Null when the number is not a valid number (the full metadata,
 * so a wrong length or an unassigned range is refused rather than stored).
 */
export function toE164(input: string, defaultCountry?: string | null): string | null {
  const country = defaultCountry && isSupportedCountry(defaultCountry) ? (defaultCountry as CountryCode) : undefined;
  const parsed = parsePhoneNumberFromString(input.trim(), country);
  return parsed?.isValid() ? parsed.number : null;
}

/** Digits with the usual separators, an optional leading + — what a phone number looks like. */
export function looksLikePhoneNumber(input: string): boolean {
  const value = input.trim();
  return /^\+?[0-9][0-9 ().\-/]*$/.test(value) && value.replace(/\D/g, '').length >= 6;
}
