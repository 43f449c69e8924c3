import { randomInt } from 'node:crypto';
import { AppError } from '../../common/errors/app-error.js';

/** No 0/O, 1/I/L: codes are read from paper and typed on small keyboards. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const LENGTH = 12; // 31^12 ≈ 2^59: guessing is hopeless, so a SHA-256 of the code is enough to store.

/** A new setup code, shown as three groups of four ("ABCD-EFGH-JKMN"). */
export function newSetupCode(): { display: string; normalised: string } {
  let normalised = '';
  for (let i = 0; i < LENGTH; i++) normalised += ALPHABET[randomInt(ALPHABET.length)];
  return { display: normalised.match(/.{4}/g)!.join('-'), normalised };
}

/** PINs anyone would try first. Six identical digits and runs up or down are refused too. */
const COMMON_PINS = new Set([
  '121212', '112233', '123123', '123321', '111222', '102030', '101010', '696969', '159753',
  '147258', '147852', '258369', '789456', '456123', '999999', '112211', '131313', '202020',
]);

/** True for 000000, 123456, 654321, 121212 and the like; also the last six digits of one's phone. */
export function isWeakPin(pin: string, phone?: string | null): boolean {
  if (/^(\d)\1{5}$/.test(pin)) return true;
  const digits = [...pin].map(Number);
  const steps = digits.slice(1).map((d, i) => (d - digits[i]! + 10) % 10);
  if (steps.every((s) => s === 1) || steps.every((s) => s === 9)) return true;
  if (COMMON_PINS.has(pin)) return true;
  return !!phone && phone.replace(/\D/g, '').endsWith(pin);
}

export function assertAcceptablePin(pin: string, phone?: string | null): void {
  if (isWeakPin(pin, phone)) {
    throw new AppError('PIN_TOO_WEAK', 'This PIN is too easy to guess; choose another.', {
      fields: { pin: [{ code: 'too_weak', message: 'Too easy to guess.' }] },
    });
  }
}

export const setupCodeInvalid = () =>
  new AppError('SETUP_CODE_INVALID', 'This setup code is not valid any more. Ask your leader for a new one.');
