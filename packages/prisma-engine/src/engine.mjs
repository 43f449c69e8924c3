// Loads Prisma's schema engine compiled to WebAssembly (@prisma/schema-engine-wasm)
// and connects it to PostgreSQL through @prisma/adapter-pg.
//
// Why: `prisma migrate` normally spawns a native `schema-engine` binary that is
// downloaded from Prisma's servers at install time. That host is unreachable on
// our machines, but the same engine ships on npm as WebAssembly. The wasm build
// does no I/O of its own: every SQL statement goes through a JS "driver adapter".
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { PrismaPg } from '@prisma/adapter-pg'
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils'

const require = createRequire(import.meta.url)

// ---------------------------------------------------------------------------
// 1. Loading the wasm module.
// The package is built with wasm-bindgen's "bundler" target, whose entry does
// `import * as wasm from "./schema_engine_bg.wasm"`; Node 20 cannot import .wasm
// files without a flag, so we instantiate it by hand (as Prisma's own CLI does).
// Only one instance per process: wasm-bindgen keeps global state.
let enginePromise

// The engine's panic hook reports the Rust panic message here before the wasm
// traps with a bare "unreachable"; without this global the hook itself throws.
export let lastPanicMessage = null
globalThis.PRISMA_WASM_PANIC_REGISTRY ??= {
  set_message(message) {
    lastPanicMessage = message
  },
}

async function loadSchemaEngineClass() {
  enginePromise ??= (async () => {
    const runtime = await import('@prisma/schema-engine-wasm/schema_engine_bg')
    // The package's "exports" map hides the .wasm file; find it next to the entry.
    const wasmPath = join(dirname(require.resolve('@prisma/schema-engine-wasm')), 'schema_engine_bg.wasm')
    const module = new WebAssembly.Module(await readFile(wasmPath))
    // The engine leaves timers (e.g. ~10 s timeouts) pending after its work is
    // done; unref them so they do not keep a finished Node process alive.
    const imports = { ...runtime }
    for (const name of Object.keys(runtime).filter((n) => n.startsWith('__wbg_setTimeout_'))) {
      imports[name] = (...args) => {
        const timer = runtime[name](...args)
        timer?.unref?.()
        return timer
      }
    }
    const instance = new WebAssembly.Instance(module, { './schema_engine_bg.js': imports })
    runtime.__wbg_set_wasm(instance.exports)
    instance.exports.__wbindgen_start()
    return runtime
  })()
  return enginePromise
}

/** Version string of the loaded wasm engine (its prisma-engines commit). */
export async function wasmEngineVersion() {
  return (await loadSchemaEngineClass()).version()
}

// ---------------------------------------------------------------------------
// 2. A pg client that adapter-pg can always understand.
// adapter-pg throws "Unsupported column type" for some catalogue types the
// engine's introspection queries return (prisma/orm#27403: `"char"`, and in
// some versions `name`). Their text form is exactly what the engine wants, so we
// relabel such result columns as `text` (and their arrays as `text[]`) before
// adapter-pg looks at them.
const TEXT = 25
const TEXT_ARRAY = 1009
const AS_TEXT = new Set([
  18, // "char"  (pg_class.relkind, pg_constraint.contype, ...)
  19, // name
  22, // int2vector
  24, // regproc
  30, // oidvector
  194, // pg_node_tree
  2205, // regclass
  2206, // regtype
])
const AS_TEXT_ARRAY = new Set([1003 /* name[] */, 1002 /* "char"[] */])

function parseTextArray(value) {
  // Minimal parser for the text form of one-dimensional arrays of identifiers,
  // e.g. {a,"b c",NULL}. Catalogue names never contain nested arrays.
  if (typeof value !== 'string') return value
  const out = []
  const body = value.slice(1, -1)
  if (body === '') return out
  let i = 0
  while (i < body.length) {
    let item = ''
    let quoted = false
    if (body[i] === '"') {
      quoted = true
      i++
      while (i < body.length && body[i] !== '"') {
        if (body[i] === '\\') i++
        item += body[i++]
      }
      i++ // closing quote
    } else {
      while (i < body.length && body[i] !== ',') item += body[i++]
    }
    out.push(!quoted && item === 'NULL' ? null : item)
    i++ // comma
  }
  return out
}

function relabelResult(result) {
  for (const res of Array.isArray(result) ? result : [result]) {
    if (!res?.fields) continue
    res.fields.forEach((field, i) => {
      if (AS_TEXT.has(field.dataTypeID)) {
        field.dataTypeID = TEXT
      } else if (AS_TEXT_ARRAY.has(field.dataTypeID)) {
        field.dataTypeID = TEXT_ARRAY
        for (const row of res.rows) {
          if (Array.isArray(row)) row[i] = parseTextArray(row[i])
          else row[field.name] = parseTextArray(row[field.name])
        }
      }
    })
  }
  return result
}

/** pg.Client whose query results never carry types adapter-pg rejects. */
class CatalogFriendlyClient extends pg.Client {
  query(config, values, callback) {
    if (typeof values === 'function') {
      callback = values
      values = undefined
    }
    if (config && typeof config.submit === 'function') return super.query(config, values, callback)
    if (callback) return super.query(config, values, (err, res) => callback(err, err ? res : relabelResult(res)))
    return super.query(config, values).then(relabelResult)
  }
}

// ---------------------------------------------------------------------------
// 3. The driver adapter factory handed to the wasm engine.

/** `url` with its database name replaced by `database` (query string kept). */
export function withDatabase(url, database) {
  const u = new URL(url)
  u.pathname = '/' + encodeURIComponent(database)
  return u.toString()
}

/** The database name in a connection string. */
export function databaseName(url) {
  return decodeURIComponent(new URL(url).pathname.slice(1)) || 'postgres'
}

const quoteIdent = (name) => '"' + name.replace(/"/g, '""') + '"'

/** Run one statement on the server's maintenance database (CREATE/DROP DATABASE). */
export async function onMaintenanceDb(url, sql) {
  const client = new pg.Client({ connectionString: withDatabase(url, 'postgres') })
  await client.connect()
  try {
    return await client.query(sql)
  } finally {
    await client.end()
  }
}

export async function createDatabase(url, name) {
  await onMaintenanceDb(url, `CREATE DATABASE ${quoteIdent(name)}`)
}

export async function dropDatabase(url, name) {
  await onMaintenanceDb(url, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`)
}

async function connectAdapter(url) {
  // max: 1 — the native engine works on a single connection; the engine's
  // session state (search_path, locks) must not be spread over a pool.
  // Prisma-style `?schema=name` selects the PostgreSQL schema; pg must not see it.
  const u = new URL(url)
  const schema = u.searchParams.get('schema') ?? undefined
  u.searchParams.delete('schema')
  const factory = new PrismaPg({ connectionString: u.toString(), max: 1, Client: CatalogFriendlyClient }, { schema })
  const adapter = await factory.connect()
  // adapter-pg's executeScript splits the script on every ";" (breaking string
  // literals and function bodies) and runs the pieces one by one, so a failing
  // migration would be left half-applied. Sending the whole script as one
  // simple-protocol query lets PostgreSQL run it as a single implicit
  // transaction, as the native engine does.
  adapter.executeScript = async (script) => {
    try {
      await adapter.client.query(script)
    } catch (error) {
      adapter.onError(error)
    }
  }
  return adapter
}

/**
 * A migration-aware adapter factory for `url`. The wasm engine asks it for a
 * shadow database (used by `migrate dev`/`diff --from-migrations`): we create a
 * throwaway database on the same server and drop it when the engine lets go.
 * If `shadowDatabaseUrl` is given, that database is used instead (and left alone).
 */
export function createAdapterFactory(url, { shadowDatabaseUrl } = {}) {
  /** Every adapter handed out, so stopEngine() can close what the engine left open. */
  const open = new Set()
  const track = (adapter) => {
    const dispose = adapter.dispose.bind(adapter)
    let disposed
    adapter.dispose = () => {
      open.delete(adapter)
      return (disposed ??= dispose())
    }
    open.add(adapter)
    return adapter
  }
  const factory = {
    provider: 'postgres',
    adapterName: '@prisma/adapter-pg',
    connect: async () => track(await connectAdapter(url)),
    async connectToShadowDb() {
      if (shadowDatabaseUrl) return track(await connectAdapter(shadowDatabaseUrl))
      const name = `prisma_shadow_${Date.now()}_${randomBytes(4).toString('hex')}`
      await createDatabase(url, name)
      const adapter = await connectAdapter(withDatabase(url, name))
      const dispose = adapter.dispose.bind(adapter)
      adapter.dispose = async () => {
        await dispose()
        await dropDatabase(url, name)
      }
      return track(adapter)
    },
  }
  const bound = bindMigrationAwareSqlAdapterFactory(factory)
  bound.disposeAll = () => Promise.all([...open].map((a) => a.dispose()))
  return bound
}

// ---------------------------------------------------------------------------
// 4. The engine itself.

/**
 * Start a wasm SchemaEngine on `url`.
 * @param {object} options
 * @param {string} options.url PostgreSQL connection string of the main database.
 * @param {string} [options.shadowDatabaseUrl] optional fixed shadow database.
 * @param {[string, string][]} [options.datamodels] [path, content] pairs of schema files.
 * @param {(line: string) => void} [options.log] receives the engine's log lines.
 */
export async function startEngine({ url, shadowDatabaseUrl, datamodels, log = () => {} }) {
  const runtime = await loadSchemaEngineClass()
  const adapterFactory = createAdapterFactory(url, { shadowDatabaseUrl })
  try {
    // `datamodels` must be undefined or non-empty.
    const engine = await runtime.SchemaEngine.new({ datamodels: datamodels?.length ? datamodels : undefined }, log, adapterFactory)
    factories.set(engine, adapterFactory)
    return engine
  } catch (error) {
    await adapterFactory.disposeAll()
    throw error
  }
}

const factories = new WeakMap()

/** Free the engine and close every connection (and throwaway shadow database) it used. */
export async function stopEngine(engine) {
  if (!engine) return
  const factory = factories.get(engine)
  factories.delete(engine)
  engine.free()
  await factory?.disposeAll()
}

// ---------------------------------------------------------------------------
// 5. Working around the missing shadow database in two commands.
// In the wasm build, `createMigration` and `evaluateDataLoss` compute "the schema
// the migrations produce" without access to the adapter factory, so they fail
// with "PostgreSQL shadow DB must be provided through an external factory".
// They look that schema up in a per-engine cache first, though, and
// `diagnoseMigrationHistory` (which *does* get a shadow database from our
// factory) fills the same cache for the migrations applied to the main
// database. So: once every migration is applied (migrate dev applies pending
// ones first), one diagnose call makes the other two work.
const primed = new WeakMap()

/**
 * @param {import('@prisma/schema-engine-wasm').SchemaEngine} engine
 * @param {{ migrationsList: any, filters?: any }} params
 */
export async function primeMigrationSchemaCache(engine, { migrationsList, filters }) {
  const key = JSON.stringify(migrationsList.migrationDirectories)
  const done = primed.get(engine) ?? new Set()
  primed.set(engine, done)
  if (done.has(key)) return
  const diagnosis = await engine.diagnoseMigrationHistory({
    migrationsList,
    optInToShadowDatabase: true,
    filters: filters ?? { externalTables: [], externalEnums: [] },
  })
  const pending = diagnosis.history?.unappliedMigrationNames ?? []
  if (pending.length > 0) {
    throw new Error(
      `Apply the pending migrations first (${pending.join(', ')}): this wasm-backed engine can only ` +
        'plan a new migration on top of a database that has the whole migration history applied.',
    )
  }
  done.add(key)
}
