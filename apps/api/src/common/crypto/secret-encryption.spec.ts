import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config/config.js';
import { decryptSecret, encryptSecret } from './secret-encryption.js';

describe('signing keys at rest', () => {
  const secret = 'a-long-enough-secret-for-the-tests-0123456789';

  it('round-trips, and a different secret cannot read the key', () => {
    const stored = encryptSecret('zSecretKeyMultibase', secret);
    expect(stored).not.toContain('zSecretKeyMultibase');
    expect(decryptSecret(stored, secret)).toBe('zSecretKeyMultibase');
    expect(() => decryptSecret(stored, `${secret}-other`)).toThrow();
  });

  it('production refuses to start without CREDENTIAL_KEY_SECRET, naming it', () => {
    const production = { NODE_ENV: 'production', DATABASE_URL: 'postgresql://db/x', PUBLIC_URL: 'https://tadamon.example' };
    expect(() => loadConfig(production)).toThrow(ConfigError);
    expect(() => loadConfig(production)).toThrow(/CREDENTIAL_KEY_SECRET/);
    expect(loadConfig({ ...production, CREDENTIAL_KEY_SECRET: secret }).CREDENTIAL_KEY_SECRET).toBe(secret);
  });
});
