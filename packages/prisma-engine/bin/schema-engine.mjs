#!/usr/bin/env node
// Stand-in for Prisma's native `schema-engine` binary, backed by the wasm engine.
//
// The Prisma CLI runs the binary named by PRISMA_SCHEMA_ENGINE_BINARY in two ways:
//
//  1. `schema-engine --datasource '{"url":...}' cli <can-connect-to-database|create-database>`
//     One-shot; success = exit 0. A failure is reported as a JSON log line on
//     stderr ({"level":"ERROR","target":"schema_engine::logger","fields":{error_code,message}}).
//
//  2. `schema-engine [--datamodels <file>]... --datasource '{"url","shadowDatabaseUrl"}'`
//     A JSON-RPC 2.0 server: one request per line on stdin, one response per
//     line on stdout, JSON log lines on stderr. Stops when stdin closes.
//     Method names and params are the wasm SchemaEngine's own (both are
//     generated from the same Rust code), so we forward them as they are.
import { readFile } from 'node:fs/promises'
import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'
import pg from 'pg'
import { startEngine, stopEngine, wasmEngineVersion, createDatabase, databaseName, primeMigrationSchemaCache } from '../src/engine.mjs'
import { describeError } from '../src/errors.mjs'

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  strict: false,
  options: {
    datamodels: { type: 'string', multiple: true },
    datasource: { type: 'string' },
    version: { type: 'boolean', short: 'V' },
    'enabled-preview-features': { type: 'string' },
    'extension-types': { type: 'string' },
  },
})

const datasource = args.datasource ? JSON.parse(args.datasource) : {}
const writeLine = (stream, value) => stream.write(JSON.stringify(value) + '\n')

/** Log an error the way the native engine does, so the CLI can read its code. */
function logError(error) {
  const { code, message } = describeError(error)
  writeLine(process.stderr, {
    timestamp: new Date().toISOString(),
    level: 'ERROR',
    fields: { is_panic: false, error_code: code ?? '', message },
    target: 'schema_engine::logger',
  })
}

/** Does the database in `url` exist and accept connections? */
async function canConnect(url) {
  const client = new pg.Client({ connectionString: url })
  try {
    await client.connect()
    await client.query('SELECT 1')
  } finally {
    await client.end().catch(() => {})
  }
}

async function cliCommand(command) {
  const url = datasource.url
  // The CLI skips the first stderr line (the native engine's start-up log) and
  // parses every following line as JSON, so start with one such line.
  writeLine(process.stderr, {
    timestamp: new Date().toISOString(),
    level: 'INFO',
    fields: { message: `Starting schema engine CLI (wasm stand-in)`, command },
    target: 'schema_engine_cli',
  })
  try {
    if (!url) throw Object.assign(new Error('No datasource url was given (--datasource)'), { code: 'P1012' })
    if (command === 'can-connect-to-database') await canConnect(url)
    else if (command === 'create-database') await createDatabase(url, databaseName(url))
    else throw new Error(`Unsupported command: cli ${command}`)
  } catch (error) {
    logError(error)
    // Not process.exit(): that could drop the stderr line still in the pipe.
    process.exitCode = 1
  }
}

async function rpcServer() {
  const datamodels = await Promise.all((args.datamodels ?? []).map(async (p) => [p, await readFile(p, 'utf8')]))
  const log = (line) => process.stderr.write(line.endsWith('\n') ? line : line + '\n')
  // Connect lazily: the CLI often starts the engine and only then checks the database.
  let engine
  const getEngine = async () => {
    if (!datasource.url) throw new Error('No datasource url: set datasource.url in the Prisma config (DATABASE_URL).')
    engine ??= await startEngine({ url: datasource.url, shadowDatabaseUrl: datasource.shadowDatabaseUrl, datamodels, log })
    return engine
  }

  // Methods the native engine has and the wasm build lacks (or names differently).
  const extraMethods = {
    getDatabaseVersion: async (params) => (await getEngine()).version(params ?? null),
    createDatabase: async () => {
      await createDatabase(datasource.url, databaseName(datasource.url))
      return { databaseName: databaseName(datasource.url) }
    },
  }

  async function handle(request) {
    const { id, method, params } = request
    try {
      let result
      if (extraMethods[method]) {
        result = await extraMethods[method](params)
      } else {
        const e = await getEngine()
        if (typeof e[method] !== 'function' || method === 'free' || method === 'constructor') {
          return writeLine(process.stdout, { jsonrpc: '2.0', id, error: { code: -32601, message: `Method not found: ${method}` } })
        }
        if (method === 'createMigration' || method === 'evaluateDataLoss') await primeMigrationSchemaCache(e, params)
        // Call as a method (not a detached function): wasm-bindgen needs `this`.
        result = await e[method](params)
      }
      if (method === 'diff' && result?.stdout) {
        // The wasm engine returns the diff text; the native one asks the CLI to
        // print it with a JSON-RPC request of its own, and the CLI only does that.
        writeLine(process.stdout, { jsonrpc: '2.0', id: `print-${id}`, method: 'print', params: { content: result.stdout } })
        result = { ...result, stdout: null }
      }
      writeLine(process.stdout, { jsonrpc: '2.0', id, result: result ?? null })
    } catch (error) {
      const { code, message, meta, isPanic } = describeError(error)
      writeLine(process.stdout, {
        jsonrpc: '2.0',
        id,
        error: {
          code: 4466,
          message: 'An error happened. Check the data field for details.',
          data: { is_panic: isPanic, message, meta: meta ?? null, error_code: code ?? null },
        },
      })
    }
  }

  // Requests are handled one at a time, in order; the native engine's clients
  // (the CLI) never send more than one at once anyway.
  let queue = Promise.resolve()
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity })
  rl.on('line', (line) => {
    if (!line.trim()) return
    let request
    try {
      request = JSON.parse(line)
    } catch {
      return writeLine(process.stdout, { jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error' } })
    }
    // The CLI's answers to our `print` requests carry no method: nothing to do.
    if (!request.method) return
    queue = queue.then(() => handle(request))
  })
  rl.on('close', async () => {
    await queue
    await stopEngine(engine).catch(() => {})
    // Exit once stdout is flushed, whatever else might still hold the event loop.
    process.stdout.write('', () => process.exit(0))
  })
}

if (args.version) {
  // `prisma -v` style output: "schema-engine-cli <commit>".
  process.stdout.write(`schema-engine-cli ${await wasmEngineVersion()} (wasm stand-in)\n`)
} else if (positionals[0] === 'cli') {
  await cliCommand(positionals[1])
} else {
  await rpcServer()
}
