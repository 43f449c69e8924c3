import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../common/config/config.js';
import { s3BrowserOrigin } from './s3.storage.js';

describe('the origin browsers load signed URLs from', () => {
  const s3 = { STORAGE_DRIVER: 's3', S3_BUCKET: 'tadamon-files' };

  it('is none with local storage', () => {
    expect(s3BrowserOrigin(loadConfig({}))).toBeNull();
  });

  it('follows the URL style: bucket in the path or in the host name', () => {
    expect(s3BrowserOrigin(loadConfig({ ...s3, S3_ENDPOINT: 'https://s3.example.org:9000', S3_FORCE_PATH_STYLE: 'true' }))).toBe(
      'https://s3.example.org:9000',
    );
    expect(s3BrowserOrigin(loadConfig({ ...s3, S3_ENDPOINT: 'https://s3.example.org' }))).toBe('https://tadamon-files.s3.example.org');
    expect(s3BrowserOrigin(loadConfig({ ...s3, S3_REGION: 'eu-west-3' }))).toBe('https://tadamon-files.s3.eu-west-3.amazonaws.com');
  });
});
