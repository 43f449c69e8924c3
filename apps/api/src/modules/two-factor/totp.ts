import { createHash, randomInt } from 'node:crypto';
import { authenticator } from 'otplib';
import QRCode from 'qrcode';

/** RFC 6238 defaults, which every authenticator app reads: SHA-1, 6 digits, 30-second steps. */
const STEP_SECONDS = 30;
/** One step either side absorbs a phone clock a little off and a code typed at the turn. */
const ACCEPT_WINDOW = 1;
/** A code this far off is named "expired" rather than "wrong": the phone clock is off. */
const EXPIRED_WINDOW = 10;

const totp = authenticator.clone({ step: STEP_SECONDS, digits: 6 });

export function newTotpSecret(): string {
  return totp.generateSecret(20);
}

export function otpauthUrl(account: string, secret: string): string {
  return totp.keyuri(account, 'Tadamon', secret);
}

export async function qrCodeDataUrl(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

export function currentStep(now = Date.now()): number {
  return Math.floor(now / 1000 / STEP_SECONDS);
}

export type TotpMatch = { kind: 'valid'; step: number } | { kind: 'expired' } | { kind: 'wrong' };

/** Which 30-second step a code belongs to, near now; the caller refuses steps already used. */
export function matchTotp(code: string, secret: string, now = Date.now()): TotpMatch {
  const within = (window: number) => totp.clone({ window, epoch: now }).checkDelta(code, secret);
  const delta = within(ACCEPT_WINDOW);
  if (delta !== null) return { kind: 'valid', step: currentStep(now) + delta };
  return within(EXPIRED_WINDOW) !== null ? { kind: 'expired' } : { kind: 'wrong' };
}

/** Ten codes of ten characters (about 50 bits each) from an alphabet without look-alikes. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
export function newRecoveryCodes(): string[] {
  return Array.from({ length: 10 }, () => {
    const chars = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** Stored digest of a recovery code, with or without its hyphen. */
export function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(`tadamon-recovery:${code.replace(/-/g, '').toLowerCase()}`).digest('base64url');
}

export function isRecoveryCode(code: string): boolean {
  return !/^\d{6}$/.test(code);
}
