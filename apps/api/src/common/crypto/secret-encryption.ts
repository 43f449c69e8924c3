import type { AppConfig } from '../config/config.js';
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM for secrets at rest: the networks' credential signing keys, people's TOTP
 * secrets and OpenID client secrets. The key is derived from CREDENTIAL_KEY_SECRET; a
 * database dump alone cannot sign credentials or compute anyone's codes.
 * Stored as base64url "iv.tag.ciphertext".
 */
export function encryptSecret(plain: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFrom(secret), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.');
}

export function decryptSecret(stored: string, secret: string): string {
  const [iv, tag, body] = stored.split('.').map((part) => Buffer.from(part, 'base64url'));
  if (!iv || !tag || !body) throw new Error('Malformed encrypted key');
  const decipher = createDecipheriv('aes-256-gcm', keyFrom(secret), iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
}

function keyFrom(secret: string): Buffer {
  return createHash('sha256').update(`tadamon-credential-keys:${secret}`).digest();
}

// Development and tests only: production refuses to start without CREDENTIAL_KEY_SECRET.
const DEV_KEY_SECRET = 'tadamon-development-credential-key-secret-not-for-production';

/** The secret that encrypts data at rest under this configuration. */
export function atRestSecret(config: Pick<AppConfig, 'CREDENTIAL_KEY_SECRET'>): string {
  return config.CREDENTIAL_KEY_SECRET ?? DEV_KEY_SECRET;
}
