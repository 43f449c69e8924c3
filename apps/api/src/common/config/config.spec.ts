import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('configuration', () => {
  it('starts on the embedded defaults with no environment at all', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.REDIS_URL).toBeUndefined();
    expect(config.publicUrl).toBe('http://localhost:3000');
  });

  it('stops with a message naming each wrong variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' });
    } catch (error) {
      expect((error as Error).message).toMatch(/PORT/);
      expect((error as Error).message).toMatch(/DATABASE_URL/);
    }
  });

  it('treats empty values as unset, as .env files write them', () => {
    expect(loadConfig({ REDIS_URL: '' }).REDIS_URL).toBeUndefined();
  });

  it('reads booleans the way people write them', () => {
    expect(loadConfig({ SEED_DEMO: 'yes' }).SEED_DEMO).toBe(true);
    expect(() => loadConfig({ SEED_DEMO: 'maybe' })).toThrow(/SEED_DEMO/);
  });

  it('stores files on local disk unless S3 is chosen, and then needs a bucket', () => {
    expect(loadConfig({}).STORAGE_DRIVER).toBe('local');
    expect(() => loadConfig({ STORAGE_DRIVER: 's3' })).toThrow(/S3_BUCKET/);
    expect(() => loadConfig({ STORAGE_DRIVER: 's3', S3_BUCKET: 'Not_A_Bucket' })).toThrow(/S3_BUCKET/);
    expect(() => loadConfig({ STORAGE_DRIVER: 's3', S3_BUCKET: 'tadamon', S3_ACCESS_KEY_ID: 'only-half' })).toThrow(
      /S3_SECRET_ACCESS_KEY/,
    );
    const s3 = loadConfig({ STORAGE_DRIVER: 's3', S3_BUCKET: 'tadamon-files', S3_FORCE_PATH_STYLE: 'true' });
    expect(s3.S3_FORCE_PATH_STYLE).toBe(true);
    expect(s3.SIGNED_URL_TTL_SECONDS).toBe(300);
  });

  it('logs SMS and WhatsApp unless a provider is configured, and names what a chosen provider lacks', () => {
    const none = loadConfig({});
    expect([none.SMS_PROVIDER, none.WHATSAPP_PHONE_NUMBER_ID]).toEqual(['log', undefined]);
    expect(() => loadConfig({ SMS_PROVIDER: 'twilio' })).toThrow(/SMS_TWILIO_ACCOUNT_SID[^]*SMS_TWILIO_AUTH_TOKEN[^]*SMS_FROM/);
    expect(() => loadConfig({ SMS_PROVIDER: 'carrier-pigeon' })).toThrow(/SMS_PROVIDER/);
    expect(() => loadConfig({ WHATSAPP_PHONE_NUMBER_ID: '106540352242922' })).toThrow(/WHATSAPP_ACCESS_TOKEN[^]*WHATSAPP_APP_SECRET/);
    expect(() => loadConfig({ WHATSAPP_PHONE_NUMBER_ID: 'not-a-number' })).toThrow(/WHATSAPP_PHONE_NUMBER_ID/);
    const twilio = loadConfig({
      SMS_PROVIDER: 'twilio',
      SMS_TWILIO_ACCOUNT_SID: 'AC0123456789abcdef',
      SMS_TWILIO_AUTH_TOKEN: 'a-secret-token',
      SMS_FROM: 'Tadamon',
      MESSAGE_BUDGET_PER_NETWORK: '500',
    });
    expect([twilio.SMS_TWILIO_BASE_URL, twilio.MESSAGE_BUDGET_PER_NETWORK, twilio.MESSAGE_BUDGET_ALERT_PERCENT]).toEqual([
      'https://api.twilio.com',
      500,
      90,
    ]);
  });
});
