import { looksLikePhoneNumber, toE164 } from '../../common/phone/phone-number.js';

/**
 * What the sign-in box holds: an e-mail address (has "@"), a phone number (digits and the usual
 * separators) or a username (anything else; usernames always contain a letter and never "@", so
 * the three cannot be confused). A phone number in national format ("0612…") is read in each
 * country where the app has organisations; `keys` lists the stored values it may stand for.
 */
export type SignInIdentifier =
  | { kind: 'email'; keys: string[] }
  | { kind: 'phone'; keys: string[] }
  | { kind: 'username'; keys: string[] };

export function classifyIdentifier(raw: string, countries: readonly string[]): SignInIdentifier {
  const value = raw.trim();
  if (value.includes('@')) return { kind: 'email', keys: [value.toLowerCase()] };
  if (looksLikePhoneNumber(value)) {
    const international = toE164(value);
    if (international) return { kind: 'phone', keys: [international] };
    const national = countries.map((country) => toE164(value, country)).filter((n): n is string => n !== null);
    return { kind: 'phone', keys: [...new Set(national)] };
  }
  return { kind: 'username', keys: [value.toLowerCase()] };
}

/** The counter key for back-off when no account matched: the identifier as the person meant it. */
export function throttleKeyOf(identifier: SignInIdentifier, raw: string): string {
  return identifier.keys.length === 1 ? identifier.keys[0]! : raw.trim().toLowerCase();
}
