import { spawn } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';

/**
 * pg_dump / pg_restore as child processes (no shell), with the connection given as a URL.
 * `binDir` is PG_BIN_DIR; without it the tools on PATH are used. pg_dump must be at least the
 * server's major version.
 */
export async function runPgTool(tool: 'pg_dump' | 'pg_restore', args: string[], binDir?: string): Promise<void> {
  const command = binDir ? join(binDir, tool) : tool;
  await new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 8000) stderr += chunk.toString();
    });
    child.on('error', (error) => reject(new Error(`${tool} could not be started (${error.message}); set PG_BIN_DIR`)));
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`${tool} failed (exit ${code}): ${stderr.trim()}`));
    });
  });
}

export function databaseNameOf(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  if (!/^[A-Za-z_][A-Za-z0-9_-]{0,62}$/.test(name)) throw new Error(`Unsupported database name ${JSON.stringify(name)}`);
  return name;
}

/** The same server, another database (the maintenance database `postgres` by default). */
export function withDatabase(url: string, name = 'postgres'): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function databaseExists(url: string): Promise<boolean> {
  return withClient(withDatabase(url), async (client) => {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [databaseNameOf(url)]);
    return found.rowCount === 1;
  });
}

/**
 * True when the database is missing, or none of its tables holds a row (a freshly migrated
 * database counts as empty; the migration history itself is not data).
 */
export async function databaseIsEmpty(url: string): Promise<boolean> {
  if (!(await databaseExists(url))) return true;
  return withClient(url, async (client) => {
    const tables = await client.query<{ schema: string; name: string }>(
      `SELECT schemaname AS schema, tablename AS name FROM pg_tables
        WHERE schemaname NOT IN ('pg_catalog', 'information_schema') AND tablename <> '_prisma_migrations'`,
    );
    for (const table of tables.rows) {
      const rows = await client.query(`SELECT 1 FROM ${quoteIdent(table.schema)}.${quoteIdent(table.name)} LIMIT 1`);
      if (rowCountOf(rows) > 0) return false;
    }
    return true;
  });
}

const rowCountOf = (result: pg.QueryResult) => result.rowCount ?? result.rows.length;
