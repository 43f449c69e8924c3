/** Where the tests find PostgreSQL and Redis (the machine's own, or CI's). */
export const TEST_DATABASE_SERVER_URL =
  process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export function databaseUrl(name: string): string {
  const url = new URL(TEST_DATABASE_SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Template database name, fixed per global-setup run and shared with the test files. */
export const TEMPLATE_ENV = 'TADAMON_TEST_TEMPLATE_DB';
