import pg from 'pg';
import { applyMigrations } from '@tadamon/prisma-engine';
import { TEMPLATE_ENV, TEST_DATABASE_SERVER_URL, databaseUrl } from './test-env.js';

/**
 * Builds one migrated template database per test run; every test file then clones it
 * (CREATE DATABASE … TEMPLATE), which takes milliseconds instead of re-running migrations.
 */
export default async function setup({ provide }: { provide?: unknown }) {
  void provide;
  const name = `tadamon_tpl_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_SERVER_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await applyMigrations({ databaseUrl: databaseUrl(name) });
  process.env[TEMPLATE_ENV] = name;
  return async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  };
}
